using System.Net;

namespace ValuePool.Server.Tests;

public sealed class ComplianceTests
{
    [Fact]
    public async Task TheAdminSeesEveryStoresPromise_AndTheMerchantOnlyTheirOwn_EachNamed()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (otherMerchant, otherStoreId, _) = await platform.OpenStoreAsync("Futian");
        var initiator = await platform.RegisterAsync();
        await merchant.PostAsync($"/api/stores/{storeId}/shareholders", new { memberId = initiator.Id, share = "0.05", invested = "49800.00", initiator = true });

        var audit = await (await platform.AdminAsync()).GetAsync("/api/admin/compliance/stores");
        Assert.Equal(new[] { storeId, otherStoreId }.Order(StringComparer.Ordinal),
            audit.GetProperty("stores").EnumerateArray().Select(s => s.Text("storeId")).Order(StringComparer.Ordinal));
        var codes = audit.GetProperty("findings").EnumerateArray().Select(f => f.Text("code")).ToArray();
        Assert.Contains($"entry-fee-store-share:{storeId}", codes);
        Assert.Contains($"store-payouts:{otherStoreId}", codes);

        var own = await merchant.GetAsync($"/api/stores/{storeId}/promise");
        var promise = Assert.Single(own.GetProperty("stores").EnumerateArray());
        // Commission 20% + 58% × 5% in dividends + the initiator's 2% bonus.
        Assert.Equal("0.2490", promise.Text("promisedShareOfRevenue"));
        Assert.Equal("Tea House", promise.Text("storeName"));
        Assert.All(own.GetProperty("findings").EnumerateArray(), f => Assert.EndsWith(":" + storeId, f.Text("code")));

        await (await otherMerchant.Http.GetAsync($"/api/stores/{storeId}/promise")).AssertProblem(HttpStatusCode.Forbidden);
        await (await merchant.Http.GetAsync("/api/admin/compliance/stores")).AssertProblem(HttpStatusCode.Forbidden);
    }
}
