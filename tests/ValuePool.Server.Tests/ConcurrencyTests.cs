using System.Net;
using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Tests;

/// <summary>The races real malls ship with: balances never go negative and nothing is paid twice.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ManyParallelSellsOfTheSamePoints_SellThemOnce()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        var sells = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => WalletAndWithdrawalTests.Sell(buyer, "112.0000", null)));
        Assert.Equal(1, sells.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(sells.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        var wallet = await buyer.WalletAsync();
        Assert.Equal("0.0000", wallet.Text("points"));
        Assert.Equal("128.00", wallet.Text("cash"));
    }

    [Fact]
    public async Task AWithdrawalRacingASell_NeverTakesMoreCashThanTheWalletHeld()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await WalletAndWithdrawalTests.Sell(buyer, "56.0000", null);
        var cashBefore = Money.FromYuan(decimal.Parse((await buyer.WalletAsync()).Text("cash")));
        var withdrawals = Enumerable.Range(0, 8).Select(_ => buyer.SendAsync("/api/withdrawals", new { amount = cashBefore.ToString() })).ToArray();
        var sell = WalletAndWithdrawalTests.Sell(buyer, "56.0000", null);
        var withdrawn = await Task.WhenAll(withdrawals);

        Assert.Equal(HttpStatusCode.OK, (await sell).StatusCode);
        var wallet = await buyer.WalletAsync();
        Assert.Equal("0.0000", wallet.Text("points"));
        // The sale may land before some withdrawals and fund a second one, never a third: what was
        // withdrawn plus what is left is exactly what the two sales paid, and the cash never went negative.
        var salePaid = (await buyer.GetAsync("/api/wallet/history")).GetProperty("items").EnumerateArray().First(row => row.Text("points") == "-56.0000").Text("cash");
        var succeeded = withdrawn.Count(w => w.StatusCode == HttpStatusCode.Created);
        Assert.InRange(succeeded, 1, 2);
        var cashLeft = Money.FromYuan(decimal.Parse(wallet.Text("cash")));
        Assert.True(cashLeft >= Money.Zero);
        Assert.Equal(cashBefore + Money.FromYuan(decimal.Parse(salePaid)), cashLeft + new Money(cashBefore.Fen * succeeded));
    }

    [Fact]
    public async Task TheSameCallbackDeliveredConcurrently_CompletesTheOrderOnce()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "1000.00" });
        var callback = platform.Service<SimulatedPaymentProvider>().Charge(order.Text("paymentId"), order.Text("id"), Money.FromYuan(1000));
        var deliveries = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => OrdersAndPaymentsTests.PostCallback(platform, callback.Body, callback.Signature)));
        var outcomes = await Task.WhenAll(deliveries.Select(d => d.Content.ReadAsStringAsync()));
        Assert.Equal(1, outcomes.Count(o => o.Contains("Applied")));
        Assert.Equal(23, outcomes.Count(o => o.Contains("Duplicate")));
        Assert.Equal("112.0000", (await buyer.WalletAsync()).Text("points"));
        Assert.Equal("1", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).GetProperty("orders").ToString());
    }

    [Fact]
    public async Task FiftyConcurrentPaysOfOneOrder_OverRealHttp_ChargeOnce_AndAllNameTheSamePayment()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "1000.00" });
        var provider = platform.Service<SimulatedPaymentProvider>();

        var pays = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => buyer.SendAsync($"/api/orders/{order.Text("id")}/pay", new { })));
        var answers = await Task.WhenAll(pays.Select(async pay =>
        {
            Assert.True(pay.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{(int)pay.StatusCode}: {await pay.Content.ReadAsStringAsync()}");
            return JsonDocument.Parse(await pay.Content.ReadAsStringAsync()).RootElement.Clone();
        }));

        Assert.Equal(1, provider.Requests);
        Assert.All(answers, answer => Assert.Equal(order.Text("paymentId"), answer.GetProperty("order").Text("paymentId")));
        Assert.Equal(1, answers.Count(answer => answer.Text("outcome") == "Applied"));
        Assert.Equal("112.0000", (await buyer.WalletAsync()).Text("points"));
        Assert.Equal("1", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).GetProperty("orders").ToString());
    }

    [Fact]
    public async Task ConcurrentOrdersAndSells_LeaveTheJournalSound()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => platform.RegisterAsync()));
        await Task.WhenAll(buyers.Select(async buyer =>
        {
            for (var i = 0; i < 5; i++) await buyer.BuyAsync(storeId, "100.00");
            await WalletAndWithdrawalTests.Sell(buyer, "10.0000", null);
        }));
        // The same check as `valuepool audit verify`, on the live file: hash chain, replay digests, balances.
        using var store = ValuePool.Storage.StoreLocation.Open(platform.DbPath);
        var audit = ValuePool.Storage.Audit.JournalAudit.Run(store);
        Assert.True(audit.Passed, audit.ToString());
        Assert.True(audit.Entries >= 8 * 5 + 8);
    }
}
