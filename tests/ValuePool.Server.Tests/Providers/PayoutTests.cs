using System.Net;
using ValuePool.Server.Hosting;
using static ValuePool.Server.Tests.Providers.ProviderHttp;

namespace ValuePool.Server.Tests.Providers;

/// <summary>Approved withdrawals paid through the provider's transfer (a failed one returns the money), or by hand with a bank reference.</summary>
public sealed class PayoutTests
{
    [Fact]
    public async Task AnApprovedWithdrawal_IsTransferredToWeChatChange_AndAFailedTransferReturnsTheWholeAmount()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var started = await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00" })).JsonAsync();
        var paid = wechat.Pay(started.GetProperty("order").Text("paymentId"));
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, "/api/payments/wechatpay/notify", paid.Body, paid.Headers)).StatusCode);
        await buyer.PostAsync("/api/wallet/sell", new { points = "112.0000" });
        var cash = (await buyer.WalletAsync()).Text("cash");

        var kept = await buyer.PostAsync("/api/withdrawals", new { amount = "50.00", payeeAccount = "o-payee" });
        var lost = await buyer.PostAsync("/api/withdrawals", new { amount = "20.00", payeeAccount = "o-frozen" });
        Assert.Equal("awaiting", kept.GetProperty("payout").Text("status"));
        var finance = await platform.UserWithRoleAsync("finance");
        var approved = await finance.PostAsync($"/api/withdrawals/{kept.Text("id")}/approve", new { });
        Assert.Equal(("paid", "transferring"), (approved.Text("status"), approved.GetProperty("payout").Text("status")));
        await finance.PostAsync($"/api/withdrawals/{lost.Text("id")}/approve", new { });
        var batch = wechat.Transfers[kept.Text("id").Replace("_", "")].Batch;
        Assert.Equal((5000L - Fen(approved.Text("fee")), "o-payee", FakeWeChatPay.AppId),
            (batch["total_amount"]!.GetValue<long>(), batch["transfer_detail_list"]![0]!["openid"]!.GetValue<string>(), batch["appid"]!.GetValue<string>()));
        await (await finance.SendAsync($"/api/withdrawals/{kept.Text("id")}/mark-paid", new { bankReference = "B1" })).AssertProblem(HttpStatusCode.Conflict, "PayoutAlreadyMade");

        var work = platform.Service<PaymentDueWork>();
        await work.RunOnceAsync();
        Assert.Equal("transferring", (await buyer.GetAsync($"/api/withdrawals/{kept.Text("id")}")).GetProperty("payout").Text("status"));
        wechat.Transfers[kept.Text("id").Replace("_", "")] = wechat.Transfers[kept.Text("id").Replace("_", "")] with { State = "SUCCESS" };
        wechat.Transfers[lost.Text("id").Replace("_", "")] = wechat.Transfers[lost.Text("id").Replace("_", "")] with { State = "FAIL" };
        await work.RunOnceAsync();
        await work.RunOnceAsync();

        var mine = (await buyer.GetAsync("/api/withdrawals")).EnumerateArray().ToDictionary(w => w.Text("id"));
        Assert.Equal(("paid", "transferred"), (mine[kept.Text("id")].Text("status"), mine[kept.Text("id")].GetProperty("payout").Text("status")));
        var failed = mine[lost.Text("id")];
        Assert.Equal(("returned", "failed", "ACCOUNT_FROZEN"), (failed.Text("status"), failed.GetProperty("payout").Text("status"), failed.GetProperty("payout").Text("failure")));
        Assert.Equal(Fen(cash) - 5000, Fen((await buyer.WalletAsync()).Text("cash")));
        Assert.Equal(0, wechat.Unsigned);
    }

    [Fact]
    public async Task AlipayTransfers_EndAtOnce_AndARefusedPayeeGetsTheMoneyBack()
    {
        await using var alipay = await FakeAlipay.StartAsync();
        await using var platform = new Platform(alipay.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var started = await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00" })).JsonAsync();
        var form = alipay.Pay(started.GetProperty("order").Text("paymentId"));
        Assert.Equal("success", await (await NotifyAsync(platform, "/api/payments/alipay/notify", form, new Dictionary<string, string>(), "application/x-www-form-urlencoded")).Content.ReadAsStringAsync());
        await buyer.PostAsync("/api/wallet/sell", new { points = "112.0000" });
        var cash = Fen((await buyer.WalletAsync()).Text("cash"));

        var kept = await buyer.PostAsync("/api/withdrawals", new { amount = "30.00", payeeAccount = "payee@example.com", payeeName = "张三" });
        var lost = await buyer.PostAsync("/api/withdrawals", new { amount = "10.00", payeeAccount = "nobody@example.com", payeeName = "李四" });
        var finance = await platform.UserWithRoleAsync("finance");
        var transferred = await finance.PostAsync($"/api/withdrawals/{kept.Text("id")}/approve", new { });
        Assert.Equal("transferred", transferred.GetProperty("payout").Text("status"));
        var sent = alipay.Transfers[kept.Text("id").Replace("_", "")].Biz;
        Assert.Equal(((new ValuePool.Core.Amounts.Money(3000 - Fen(transferred.Text("fee")))).ToString(), "payee@example.com", "张三"),
            (sent["trans_amount"]!.GetValue<string>(), sent["payee_info"]!["identity"]!.GetValue<string>(), sent["payee_info"]!["name"]!.GetValue<string>()));

        alipay.TransferStatus = "FAIL";
        var returned = await finance.PostAsync($"/api/withdrawals/{lost.Text("id")}/approve", new { });
        Assert.Equal(("returned", "failed", "PAYEE_NOT_EXIST"), (returned.Text("status"), returned.GetProperty("payout").Text("status"), returned.GetProperty("payout").Text("failure")));
        Assert.Equal(cash - 3000, Fen((await buyer.WalletAsync()).Text("cash")));
        Assert.Equal(0, alipay.Unsigned);
    }

    [Fact]
    public async Task FinanceMarksAWithdrawalPaidByHand_WithTheBankReference_OnceAndOnlyAfterApproval()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await buyer.PostAsync("/api/wallet/sell", new { points = "112.0000" });
        var withdrawal = await buyer.PostAsync("/api/withdrawals", new { amount = "50.00" });
        var finance = await platform.UserWithRoleAsync("finance");
        var path = $"/api/withdrawals/{withdrawal.Text("id")}/mark-paid";
        await (await finance.SendAsync(path, new { bankReference = "ICBC-20261202-0001" })).AssertProblem(HttpStatusCode.Conflict, "WithdrawalNotPaid");
        var approved = await finance.PostAsync($"/api/withdrawals/{withdrawal.Text("id")}/approve", new { });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, approved.GetProperty("payout").ValueKind);
        await (await finance.SendAsync(path, new { bankReference = "" })).AssertFieldError("bankReference");
        var marked = await finance.PostAsync(path, new { bankReference = "ICBC-20261202-0001" });
        Assert.Equal(("paidByHand", "ICBC-20261202-0001"), (marked.GetProperty("payout").Text("status"), marked.GetProperty("payout").Text("bankReference")));
        await (await finance.SendAsync(path, new { bankReference = "ICBC-20261202-0002" })).AssertProblem(HttpStatusCode.Conflict, "PayoutAlreadyMade");
        Assert.Equal("ICBC-20261202-0001", (await buyer.GetAsync($"/api/withdrawals/{withdrawal.Text("id")}")).GetProperty("payout").Text("bankReference"));
        await (await (await platform.RegisterAsync()).Http.GetAsync($"/api/withdrawals/{withdrawal.Text("id")}")).AssertProblem(HttpStatusCode.Forbidden);
    }

    private static long Fen(string yuan) => ValuePool.Core.Amounts.Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).Fen;
}
