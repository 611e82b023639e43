using System.Net;
using System.Net.Http.Json;

namespace ValuePool.Server.Tests;

public sealed class WalletAndWithdrawalTests
{
    [Fact]
    public async Task Selling_PaysEightyPercent_AndARetryWithTheSameKeySellsOnce()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        var first = await Sell(buyer, "100.0000", "k1");
        var retry = await Sell(buyer, "100.0000", "k1");
        Assert.False((await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("replayed").GetBoolean());
        Assert.True((await retry.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("replayed").GetBoolean());
        var wallet = await buyer.WalletAsync();
        Assert.Equal("12.0000", wallet.Text("points"));
        Assert.Equal("114.28", wallet.Text("cash"));
        await (await Sell(buyer, "5.0000", "k1")).AssertProblem(HttpStatusCode.Conflict, "IdempotencyKeyConflict");
        Assert.NotEmpty((await buyer.GetAsync("/api/wallet/history")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SellingMoreThanHeld_OrMalformedPoints_IsRefused()
    {
        await using var platform = new Platform();
        var buyer = await platform.RegisterAsync();
        await (await Sell(buyer, "1.0000", null)).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientPoints");
        foreach (var points in new[] { "-1", "0.00001", "1,5", "" })
            await (await Sell(buyer, points, null)).AssertFieldError("points");
        var longKey = new HttpRequestMessage(HttpMethod.Post, "/api/wallet/sell") { Content = JsonContent.Create(new { points = "1.0000" }) };
        longKey.Headers.Add("Idempotency-Key", new string('k', 101));
        await (await buyer.Http.SendAsync(longKey)).AssertFieldError("Idempotency-Key");
    }

    [Fact]
    public async Task AWithdrawal_HoldsTheCash_FinanceApprovesOnce_AndARejectionReturnsIt()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await Sell(buyer, "112.0000", null);
        await (await buyer.SendAsync("/api/withdrawals", new { amount = "5.00" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "BelowWithdrawalMinimum");
        await (await buyer.SendAsync("/api/withdrawals", new { amount = "1000.00" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientCash");
        var approved = await buyer.PostAsync("/api/withdrawals", new { amount = "50.00" });
        var rejected = await buyer.PostAsync("/api/withdrawals", new { amount = "20.00" });
        Assert.Equal("58.00", (await buyer.WalletAsync()).Text("cash"));

        await (await buyer.SendAsync($"/api/withdrawals/{approved.Text("id")}/approve", new { })).AssertProblem(HttpStatusCode.Forbidden);
        var finance = await platform.UserWithRoleAsync("finance");
        Assert.Equal(2, (await finance.GetAsync("/api/withdrawals/pending")).GetProperty("items").GetArrayLength());
        Assert.Equal("paid", (await finance.PostAsync($"/api/withdrawals/{approved.Text("id")}/approve", new { })).Text("status"));
        Assert.Equal("rejected", (await finance.PostAsync($"/api/withdrawals/{rejected.Text("id")}/reject", new { })).Text("status"));
        await (await finance.SendAsync($"/api/withdrawals/{approved.Text("id")}/reject", new { })).AssertProblem(HttpStatusCode.Conflict, "WithdrawalAlreadyReviewed");
        await (await finance.SendAsync("/api/withdrawals/w_unknown/approve", new { })).AssertProblem(HttpStatusCode.NotFound, "UnknownWithdrawal");
        Assert.Equal("78.00", (await buyer.WalletAsync()).Text("cash"));
        Assert.Equal(2, (await buyer.GetAsync("/api/withdrawals")).GetArrayLength());
    }

    [Fact]
    public async Task NobodyReviewsTheirOwnWithdrawal_NotFinanceNorAdmin_AnotherReviewerMay()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var finance = await platform.UserWithRoleAsync("finance");
        await finance.BuyAsync(storeId, "1000.00");
        await Sell(finance, "112.0000", null);
        var own = await finance.PostAsync("/api/withdrawals", new { amount = "50.00" });

        await (await finance.SendAsync($"/api/withdrawals/{own.Text("id")}/approve", new { })).AssertProblem(HttpStatusCode.Forbidden, "OwnWithdrawal");
        await (await finance.SendAsync($"/api/withdrawals/{own.Text("id")}/reject", new { })).AssertProblem(HttpStatusCode.Forbidden, "OwnWithdrawal");
        var admin = await platform.AdminAsync();
        await admin.BuyAsync(storeId, "1000.00");
        Assert.True((await Sell(admin, "50.0000", null)).IsSuccessStatusCode);
        var admins = await admin.PostAsync("/api/withdrawals", new { amount = "20.00" });
        await (await admin.SendAsync($"/api/withdrawals/{admins.Text("id")}/approve", new { })).AssertProblem(HttpStatusCode.Forbidden, "OwnWithdrawal");

        Assert.Equal("paid", (await admin.PostAsync($"/api/withdrawals/{own.Text("id")}/approve", new { })).Text("status"));
        Assert.Equal("paid", (await finance.PostAsync($"/api/withdrawals/{admins.Text("id")}/approve", new { })).Text("status"));
    }

    public static Task<HttpResponseMessage> Sell(User user, string points, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/wallet/sell") { Content = JsonContent.Create(new { points }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return user.Http.SendAsync(request);
    }
}
