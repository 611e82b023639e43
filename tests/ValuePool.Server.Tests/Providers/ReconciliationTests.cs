using System.Net;
using System.Text.Json;
using ValuePool.Server.Hosting;
using ValuePool.Server.Payments.Reconciliation;
using static ValuePool.Server.Tests.Providers.ProviderHttp;

namespace ValuePool.Server.Tests.Providers;

/// <summary>Daily reconciliation against each provider's bill finds every planted difference and nothing else, and tells finance.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public async Task WeChatPaysBill_IsMatchedAgainstOrdersAndRefunds_AndEveryPlantedDifferenceIsReported()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings());
        wechat.Now = platform.Clock.GetUtcNow;
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        async Task<string> PaidAsync(string amount)
        {
            var order = (await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount })).JsonAsync()).GetProperty("order");
            var paid = wechat.Pay(order.Text("paymentId"));
            Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, "/api/payments/wechatpay/notify", paid.Body, paid.Headers)).StatusCode);
            return order.Text("paymentId");
        }
        var kept = await PaidAsync("100.00");
        var misbilled = await PaidAsync("50.00");
        var unbilled = await PaidAsync("20.00");
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Tea set", price = "80.00", shipped = true });
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay");
        var productPaid = wechat.Pay(order.Text("paymentId"));
        await NotifyAsync(platform, "/api/payments/wechatpay/notify", productPaid.Body, productPaid.Headers);
        var refund = (await (await buyer.SendAsync($"/api/orders/{order.Text("id")}/refund", new { amount = "30.00" })).JsonAsync()).GetProperty("refund");
        var refunded = wechat.RefundNotification(refund.Text("id"));
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, "/api/payments/wechatpay/notify", refunded.Body, refunded.Headers)).StatusCode);

        wechat.BilledAmounts[misbilled] = "49.99";
        wechat.Unbilled.Add(unbilled);
        wechat.ExtraBillPayments.Add(("pay_nobodyknows", "8.88"));
        var day = DateOnly.FromDateTime(platform.Clock.GetUtcNow().ToOffset(DailyReconciliation.ChinaStandardTime).Date).ToString("yyyy-MM-dd");
        var finance = await platform.UserWithRoleAsync("finance");
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.SendAsync($"/api/payments/reconciliation/{day}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.SendAsync($"/api/payments/reconciliation/{day}", new { })).StatusCode);
        platform.Clock.Advance(TimeSpan.FromDays(1));

        var report = await finance.PostAsync($"/api/payments/reconciliation/{day}", new { });
        // Three payments billed (one left out), the stranger's payment, the refund; kept, the product order and the refund match.
        Assert.Equal(("differences", 3L + 1 + 1), (report.Text("status"), report.GetProperty("billLines").GetInt64()));
        Assert.Equal(3L, report.GetProperty("matched").GetInt64());
        Assert.Equal(
            new[] { ("payment", misbilled, "amountDiffers", "50.00", "49.99"), ("payment", unbilled, "missingFromBill", "20.00", (string?)null),
                ("payment", "pay_nobodyknows", "missingHere", null, "8.88") }.OrderBy(d => d.Item2, StringComparer.Ordinal),
            report.GetProperty("differences").EnumerateArray().Select(d => (d.Text("subject"), d.Text("reference"), d.Text("kind"), Nullable(d, "ours"), Nullable(d, "theirs"))));
        Assert.Equal(report.ToString(), (await finance.GetAsync($"/api/payments/reconciliation/{day}")).ToString());
        Assert.Contains(kept, wechat.Trades.Keys);

        wechat.WrongBillHash = true;
        var unavailable = await finance.PostAsync($"/api/payments/reconciliation/{day}", new { });
        Assert.Equal(("unavailable", "hash_mismatch", 0), (unavailable.Text("status"), unavailable.Text("failure"), unavailable.GetProperty("differences").GetArrayLength()));
        Assert.Equal("账单文件校验不符（文件不完整或被篡改），稍后自动重试", unavailable.Text("failureText"));
        Assert.Equal(0, wechat.Unsigned);
    }

    [Fact]
    public async Task AlipaysBill_IsReconciledByTheDailyJob_OnceItIsDue()
    {
        await using var alipay = await FakeAlipay.StartAsync();
        await using var platform = new Platform(alipay.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Kettle", price = "99.99", shipped = true });
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay");
        var form = alipay.Pay(order.Text("paymentId"));
        await NotifyAsync(platform, "/api/payments/alipay/notify", form, new Dictionary<string, string>(), "application/x-www-form-urlencoded");
        await buyer.PostAsync($"/api/orders/{order.Text("id")}/refund", new { amount = "9.99" });
        alipay.ExtraBillPayments.Add(("pay_elsewhere", "1.00"));

        var now = platform.Clock.GetUtcNow().ToOffset(DailyReconciliation.ChinaStandardTime);
        var day = DateOnly.FromDateTime(now.Date);
        // The next day at 09:00 China Standard Time the bill is not due yet; at 10:00 it is.
        platform.Clock.Advance(new DateTimeOffset(now.Date.AddDays(1).AddHours(9), now.Offset) - now);
        var work = platform.Service<PaymentDueWork>();
        await work.RunOnceAsync();
        Assert.Null(await platform.Service<DailyReconciliation>().FindAsync(day));
        platform.Clock.Advance(TimeSpan.FromHours(1));
        await work.RunOnceAsync();

        var finance = await platform.UserWithRoleAsync("finance");
        var report = await finance.GetAsync($"/api/payments/reconciliation/{day:yyyy-MM-dd}");
        Assert.Equal(("differences", 2L), (report.Text("status"), report.GetProperty("matched").GetInt64()));
        var difference = Assert.Single(report.GetProperty("differences").EnumerateArray());
        Assert.Equal(("payment", "pay_elsewhere", "missingHere", "1.00"), (difference.Text("subject"), difference.Text("reference"), difference.Text("kind"), difference.Text("theirs")));
    }

    private static string? Nullable(JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();
}
