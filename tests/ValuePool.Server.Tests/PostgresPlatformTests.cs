using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ValuePool.Server.Hosting;
using ValuePool.Server.Payments.Reconciliation;
using ValuePool.Server.Tests.Providers;
using ValuePool.Storage;
using ValuePool.Testing;

namespace ValuePool.Server.Tests;

/// <summary>The platform with `--db postgres://…`: the journal and the server's tables on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlatformTests(PostgresServer server)
{
    private Platform OnPostgres() => new(new() { ["ValuePool:Db"] = server.NewSchemaUri() });

    [Fact]
    public async Task TheNewcomersWalk_WorksOnPostgres()
    {
        await using var platform = OnPostgres();
        var admin = await platform.AdminAsync();
        await admin.PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        var (merchant, storeId, shareCode) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync(shareCode);
        await member.BuyAsync(storeId, "1000.00");
        Assert.Equal("112.0000", (await member.WalletAsync()).Text("points"));
        // Rewards are recorded with the projections, which a reader syncs first.
        var rewards = await merchant.GetAsync("/api/wallet/rewards");
        Assert.Contains(rewards.EnumerateArray(), reward => reward.Text("amount") == "3.00");

        Assert.Equal(HttpStatusCode.OK, (await WalletAndWithdrawalTests.Sell(member, "112.0000", "sell-1")).StatusCode);
        var withdrawal = await member.PostAsync("/api/withdrawals", new { amount = "100.00" });
        await admin.PostAsync($"/api/withdrawals/{withdrawal.Text("id")}/approve", new { });
        Assert.Equal("28.00", (await member.WalletAsync()).Text("cash")); // 128.00 from the sale − 100.00 withdrawn

        // A member's orders (the in-store one indexed only by the projections) and history are synced before they are read.
        await member.PostAsync($"/api/stores/{storeId}/pay", new { amount = "10.00" });
        Assert.Equal(["10.00", "1000.00"], (await member.GetAsync("/api/orders")).GetProperty("items").EnumerateArray().Select(o => o.Text("amount")).Order());
        Assert.Contains((await member.GetAsync("/api/wallet/history")).GetProperty("items").EnumerateArray(), row => row.Text("kind") == "Consume");
    }

    [Fact]
    public async Task AWriteReachingADeposedLeader_Answers503ToRetryElsewhere_AndNothingOfItCommits()
    {
        var db = server.NewSchemaUri();
        await using var platform = new Platform(new() { ["ValuePool:Db"] = db });
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        await member.BuyAsync(storeId, "100.00");
        await using var database = new NpgsqlConnection(StoreLocation.PostgresConnectionString(db));
        await database.OpenAsync();
        var entries = await new NpgsqlCommand("SELECT COUNT(*) FROM journal", database).ExecuteScalarAsync();
        // Another node takes the leadership: the epoch rises under this one, whose next batch is refused (fencing).
        await new NpgsqlCommand("UPDATE sequencer_leader SET epoch = epoch + 1", database).ExecuteNonQueryAsync();

        using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/stores/{storeId}/pay") { Content = JsonContent.Create(new { amount = "50.00" }) };
        pay.Headers.Add("Idempotency-Key", "after-the-takeover");
        using var refused = await member.Http.SendAsync(pay);
        var problem = await refused.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("NodeStopped", problem.Text("code"));
        Assert.Contains("同一幂等键重试", problem.Text("detail"));
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(entries, await new NpgsqlCommand("SELECT COUNT(*) FROM journal", database).ExecuteScalarAsync());
    }

    [Fact]
    public async Task ParallelSellsOfTheSamePoints_SellThemOnce_OnPostgres()
    {
        await using var platform = OnPostgres();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        var sells = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => WalletAndWithdrawalTests.Sell(buyer, "112.0000", null)));
        Assert.Equal(1, sells.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal("128.00", (await buyer.WalletAsync()).Text("cash"));
    }

    [Fact]
    public async Task WeChatPay_PaymentRefundPayoutAndReconciliation_WorkOnPostgres()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        var settings = wechat.Settings();
        settings["ValuePool:Db"] = server.NewSchemaUri();
        await using var platform = new Platform(settings);
        wechat.Now = platform.Clock.GetUtcNow;
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var inStore = (await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00" })).JsonAsync()).GetProperty("order");
        var paid = wechat.Pay(inStore.Text("paymentId"));
        Assert.Equal(HttpStatusCode.NoContent, (await ProviderHttp.NotifyAsync(platform, "/api/payments/wechatpay/notify", paid.Body, paid.Headers)).StatusCode);
        Assert.Equal("completed", (await buyer.GetAsync($"/api/orders/{inStore.Text("id")}")).Text("status"));

        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Tea set", price = "80.00", shipped = true });
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay");
        var productPaid = wechat.Pay(order.Text("paymentId"));
        await ProviderHttp.NotifyAsync(platform, "/api/payments/wechatpay/notify", productPaid.Body, productPaid.Headers);
        var refund = (await (await buyer.SendAsync($"/api/orders/{order.Text("id")}/refund", new { amount = "30.00" })).JsonAsync()).GetProperty("refund");
        var refunded = wechat.RefundNotification(refund.Text("id"));
        await ProviderHttp.NotifyAsync(platform, "/api/payments/wechatpay/notify", refunded.Body, refunded.Headers);
        Assert.Equal("30.00", (await buyer.GetAsync($"/api/orders/{order.Text("id")}")).Text("refunded"));

        await buyer.PostAsync("/api/wallet/sell", new { points = "112.0000" });
        var withdrawal = await buyer.PostAsync("/api/withdrawals", new { amount = "20.00", payeeAccount = "o-frozen" });
        await admin.PostAsync($"/api/withdrawals/{withdrawal.Text("id")}/approve", new { });
        wechat.Transfers[withdrawal.Text("id").Replace("_", "")] = wechat.Transfers[withdrawal.Text("id").Replace("_", "")] with { State = "FAIL" };
        await platform.Service<PaymentDueWork>().RunOnceAsync();
        Assert.Equal("returned", (await buyer.GetAsync($"/api/withdrawals/{withdrawal.Text("id")}")).Text("status"));

        wechat.ExtraBillPayments.Add(("pay_nobodyknows", "8.88"));
        var day = DateOnly.FromDateTime(platform.Clock.GetUtcNow().ToOffset(DailyReconciliation.ChinaStandardTime).Date);
        platform.Clock.Advance(TimeSpan.FromDays(1));
        var run = await platform.Service<DailyReconciliation>().RunAsync(day);
        Assert.Equal((ReconciliationStatus.Differences, 3L), (run.Status, run.Matched));
        Assert.Equal("pay_nobodyknows", Assert.Single(await platform.Service<DailyReconciliation>().DifferencesAsync(day)).Reference);
    }
}
