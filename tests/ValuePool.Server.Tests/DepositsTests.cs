using System.Net;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Tests;

/// <summary>Merchants' prepaid deposits (商家预存让利款, MODEL.md §8): topped up through the provider, with a visible balance and history.</summary>
public sealed class DepositsTests
{
    [Fact]
    public async Task AMerchantTopsUpTheDepositThroughTheProvider_AndSeesItsBalanceAndEveryMovement()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var topUps = $"/api/stores/{storeId}/deposit/top-ups";
        var toppedUpAt = platform.Clock.GetUtcNow();
        var topUp = await merchant.PostKeyedAsync(topUps, new { amount = "500.00" }, "top-up-1");
        Assert.False(topUp.GetProperty("replayed").GetBoolean());
        Assert.Equal(("depositTopUp", storeId, "applied"), (topUp.GetProperty("payment").Text("purpose"), topUp.GetProperty("payment").Text("subject"),
            topUp.GetProperty("payment").Text("status")));
        Assert.Equal("500.00", topUp.GetProperty("deposit").Text("balance"));
        Assert.Equal(1, platform.Service<SimulatedPaymentProvider>().Requests);
        var again = await merchant.PostKeyedAsync(topUps, new { amount = "500.00" }, "top-up-1");
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal("500.00", again.GetProperty("deposit").Text("balance"));

        // No HTTP till records offline sales yet: one goes to the ledger directly, and its commission leaves the deposit.
        var buyer = await platform.RegisterAsync();
        platform.Clock.Advance(TimeSpan.FromHours(2));
        var sale = new Consume(buyer.Id, storeId, Money.FromYuan(100), platform.Clock.GetUtcNow()) { Payment = OrderPayment.OfflineTill };
        Assert.True((await platform.Service<LedgerGateway>().SubmitAsync("test:offline-sale", sale)).Result.IsAccepted());

        var deposit = await merchant.GetAsync($"/api/stores/{storeId}/deposit");
        Assert.Equal("480.00", deposit.Text("balance"));
        Assert.Equal([("topUp", "500.00"), ("tillCommission", "-20.00")],
            deposit.GetProperty("movements").EnumerateArray().Select(m => (m.Text("kind"), m.Text("amount"))));
        // Each movement says when it happened: its journal entry's time.
        Assert.Equal([toppedUpAt.ToUnixTimeMilliseconds(), sale.At.ToUnixTimeMilliseconds()],
            deposit.GetProperty("movements").EnumerateArray().Select(m => m.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds()));
        Assert.Single((await merchant.GetAsync("/api/payments")).EnumerateArray());
    }

    [Fact]
    public async Task OnlyTheOwnerAndAdminsTopUpOrSeeTheDeposit_AndBadAmountsAreNamed()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var stranger = await platform.RegisterAsync();
        await (await stranger.SendAsync($"/api/stores/{storeId}/deposit/top-ups", new { amount = "10.00" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await stranger.Http.GetAsync($"/api/stores/{storeId}/deposit")).AssertProblem(HttpStatusCode.Forbidden);
        await (await stranger.Http.GetAsync("/api/stores/s_nope/deposit")).AssertProblem(HttpStatusCode.NotFound);

        var admin = await platform.AdminAsync();
        foreach (var amount in new[] { "0", "-1.00", "1000000.01", "abc" })
            await (await admin.SendAsync($"/api/stores/{storeId}/deposit/top-ups", new { amount })).AssertFieldError("amount");
        Assert.Equal(0, platform.Service<SimulatedPaymentProvider>().Requests);
        await admin.PostAsync($"/api/stores/{storeId}/deposit/top-ups", new { amount = "10.00" });
        Assert.Equal("10.00", (await admin.GetAsync($"/api/stores/{storeId}/deposit")).Text("balance"));

        var pending = await (await platform.RegisterAsync()).PostAsync("/api/stores",
            new { name = "Not yet", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } });
        await (await admin.SendAsync($"/api/stores/{pending.Text("id")}/deposit/top-ups", new { amount = "10.00" })).AssertProblem(HttpStatusCode.NotFound);
    }
}
