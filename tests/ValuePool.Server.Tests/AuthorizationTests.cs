using System.Net;

namespace ValuePool.Server.Tests;

/// <summary>Each role tries what it must not do.</summary>
public sealed class AuthorizationTests
{
    [Fact]
    public async Task AMember_CannotUseAdminOrFinanceOrAgentEndpoints()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        foreach (var path in new[] { "/api/admin/pool", "/api/admin/config", "/api/withdrawals/pending", "/api/agents/regions", $"/api/admin/members/{member.Id}/wallet" })
            await (await member.Http.GetAsync(path)).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.SendAsync("/api/admin/subsidies", new { amount = "1.00", source = "me" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.SendAsync($"/api/admin/users/{member.Id}/roles", new { role = "admin" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.SendAsync("/api/admin/webhooks", new { url = "http://example.com", secret = "0123456789abcdef" })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FinanceReviews_ButCannotSubsidizeOrApproveStores_AndAMerchantOnlyManagesTheirOwnStore()
    {
        await using var platform = new Platform();
        var finance = await platform.UserWithRoleAsync("finance");
        await (await finance.SendAsync("/api/admin/subsidies", new { amount = "1.00", source = "x" })).AssertProblem(HttpStatusCode.Forbidden);
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (_, otherStoreId, _) = await platform.OpenStoreAsync("Futian");
        await (await merchant.Http.GetAsync($"/api/stores/{otherStoreId}/account")).AssertProblem(HttpStatusCode.Forbidden);
        await (await merchant.SendAsync($"/api/stores/{otherStoreId}/products", new { name = "x", price = "1.00" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await finance.SendAsync($"/api/stores/{storeId}/approve", new { })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AMemberSeesOnlyTheirOwnWalletAndOrders()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var rich = await platform.RegisterAsync();
        await rich.BuyAsync(storeId, "1000.00");
        var other = await platform.RegisterAsync();
        Assert.Equal(other.Id, (await other.WalletAsync()).Text("memberId"));
        Assert.Equal("0.0000", (await other.WalletAsync()).Text("points"));
        Assert.Equal(0, (await other.GetAsync("/api/orders")).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await rich.GetAsync("/api/orders")).GetProperty("items").GetArrayLength());
        var order = (await rich.GetAsync("/api/orders")).GetProperty("items")[0];
        await (await other.SendAsync($"/api/orders/{order.Text("id")}/refund", new { })).AssertProblem(HttpStatusCode.Forbidden);
    }
}
