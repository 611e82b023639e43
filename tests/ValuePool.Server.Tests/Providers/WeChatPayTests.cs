using System.Net;
using System.Security.Cryptography;
using ValuePool.Server.Hosting;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments.WeChatPay;
using static ValuePool.Server.Tests.Providers.ProviderHttp;

namespace ValuePool.Server.Tests.Providers;

/// <summary>WeChat Pay API v3 against its fake on loopback: signed requests, verified and decrypted notifications, query, refunds, errors.</summary>
public sealed class WeChatPayTests
{
    private const string NotifyPath = "/api/payments/wechatpay/notify";

    [Fact]
    public async Task AScanToPayOrder_CompletesOnlyAfterAVerifiedNotification_AndEveryOtherDeliveryChangesNothing()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();

        var started = await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "100.00" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var answer = await started.JsonAsync();
        var order = answer.GetProperty("order");
        var (orderId, paymentId) = (order.Text("id"), order.Text("paymentId"));
        Assert.Equal("weixin://wxpay/bizpayurl?pr=" + paymentId, answer.GetProperty("action").Text("qrCode"));
        Assert.Equal("created", order.Text("status"));
        var trade = wechat.Trades[paymentId];
        Assert.Equal((orderId, 10000L, "NATIVE"), (trade.Attach, trade.Total, trade.TradeType));

        var genuine = wechat.Pay(paymentId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NotifyAsync(platform, NotifyPath, genuine.Body.Replace("encrypt-resource", "encrypt-resourcE"), genuine.Headers)).StatusCode);
        using var stranger = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NotifyAsync(platform, NotifyPath, genuine.Body, wechat.SignedHeaders(genuine.Body, key: stranger))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NotifyAsync(platform, NotifyPath, genuine.Body, wechat.SignedHeaders(genuine.Body, DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        var otherMerchant = wechat.Pay(paymentId, mchId: "1900000099");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await NotifyAsync(platform, NotifyPath, otherMerchant.Body, otherMerchant.Headers)).StatusCode);
        var otherAmount = wechat.Pay(paymentId, totalFen: 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await NotifyAsync(platform, NotifyPath, otherAmount.Body, otherAmount.Headers)).StatusCode);
        Assert.Equal("created", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));
        Assert.Equal("0.0000", (await buyer.WalletAsync()).Text("points"));

        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, NotifyPath, genuine.Body, genuine.Headers)).StatusCode);
        Assert.Equal("completed", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));
        var points = (await buyer.WalletAsync()).Text("points");
        Assert.NotEqual("0.0000", points);
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, NotifyPath, genuine.Body, genuine.Headers)).StatusCode);
        Assert.Equal(points, (await buyer.WalletAsync()).Text("points"));
        Assert.Equal([("AmountMismatch", 1L), ("Applied", 1L), ("Duplicate", 1L)], await platform.Service<OrderStore>().CallbackOutcomesAsync(orderId));
        Assert.Equal(0, wechat.Unsigned);
    }

    [Fact]
    public async Task PayingAgain_AsksWeChatPay_AndItsSignedAnswerCompletesTheOrder_InAppAndMobileWebChannelsToo()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();

        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "12.34" });
        var payPath = $"/api/orders/{order.Text("id")}/pay?channel=inApp&openId=o-payer";
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay?channel=inApp")).StatusCode);
        var first = await buyer.PostEmptyAsync(payPath);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var inApp = (await first.JsonAsync()).GetProperty("action").GetProperty("inApp");
        Assert.Equal("prepay_id=wx" + order.Text("paymentId"), inApp.Text("package"));
        Assert.True(WeChatPaySignature.Verify(wechat.MerchantKey,
            $"{inApp.Text("appId")}\n{inApp.Text("timeStamp")}\n{inApp.Text("nonceStr")}\n{inApp.Text("package")}\n", inApp.Text("paySign")));
        Assert.Equal(HttpStatusCode.Accepted, (await buyer.PostEmptyAsync(payPath)).StatusCode);
        Assert.Equal("created", (await buyer.GetAsync($"/api/orders/{order.Text("id")}")).Text("status"));

        wechat.Trades[order.Text("paymentId")].State = "SUCCESS";
        var queried = await buyer.PostEmptyAsync(payPath);
        Assert.Equal(HttpStatusCode.OK, queried.StatusCode);
        Assert.Equal("completed", (await queried.JsonAsync()).GetProperty("order").Text("status"));
        Assert.Single(wechat.Trades);

        var mobile = await buyer.PostAsync("/api/orders", new { storeId, amount = "5.00" });
        var page = await (await buyer.PostEmptyAsync($"/api/orders/{mobile.Text("id")}/pay?channel=mobileWeb")).JsonAsync();
        Assert.StartsWith("https://wx.tenpay.com/", page.GetProperty("action").Text("url"));
        Assert.Equal("H5", wechat.Trades[mobile.Text("paymentId")].TradeType);
        Assert.True(await platform.Service<WeChatPayProvider>().CloseAsync(mobile.Text("paymentId")));
        Assert.Equal("CLOSED", wechat.Trades[mobile.Text("paymentId")].State);
        Assert.Equal(0, wechat.Unsigned);
    }

    [Fact]
    public async Task AProviderTimeout_Is502AndChargesNothing_PayingAgainAsksAgain()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings(timeoutSeconds: 1));
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "8.00" });

        wechat.Delay = TimeSpan.FromSeconds(3);
        await (await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay")).AssertProblem(HttpStatusCode.BadGateway, "PaymentProviderFailed");
        Assert.Equal("created", (await buyer.GetAsync($"/api/orders/{order.Text("id")}")).Text("status"));
        wechat.Delay = null;
        var again = await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.NotNull((await again.JsonAsync()).GetProperty("action").Text("qrCode"));

    }

    [Fact]
    public async Task APartialRefund_GoesThroughWeChatPay_HoldsCompletionUntilItsNotification_AndCannotExceedWhatIsLeft()
    {
        await using var wechat = await FakeWeChatPay.StartAsync();
        await using var platform = new Platform(wechat.Settings());
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Rice cooker", price = "100.00", shipped = true });
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        var (orderId, paymentId) = (order.Text("id"), order.Text("paymentId"));
        Assert.Equal(HttpStatusCode.Accepted, (await buyer.PostEmptyAsync($"/api/orders/{orderId}/pay")).StatusCode);
        var paid = wechat.Pay(paymentId);
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, NotifyPath, paid.Body, paid.Headers)).StatusCode);
        Assert.Equal("paid", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));

        var asked = await buyer.SendAsync($"/api/orders/{orderId}/refund", new { amount = "30.00", reason = "少发一件" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var refund = (await asked.JsonAsync()).GetProperty("refund");
        Assert.Equal("requested", refund.Text("status"));
        var sent = wechat.Refunds[refund.Text("id")];
        Assert.Equal((3000L, 10000L, paymentId), (sent["amount"]!["refund"]!.GetValue<long>(), sent["amount"]!["total"]!.GetValue<long>(), sent["out_trade_no"]!.GetValue<string>()));
        await (await buyer.SendAsync($"/api/orders/{orderId}/refund", new { amount = "70.01" })).AssertProblem(HttpStatusCode.Conflict, "RefundExceedsOrder");

        platform.Clock.Advance(TimeSpan.FromDays(platform.Service<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.AfterSalesDays + 1));
        await platform.Service<DueWork>().RunOnceAsync();
        Assert.Equal("paid", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));

        // Sent now on the platform's clock, eight days on: a notification signed with the real time would be stale there.
        var done = wechat.RefundNotification(refund.Text("id"), at: platform.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, NotifyPath, done.Body, done.Headers)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await NotifyAsync(platform, NotifyPath, done.Body, done.Headers)).StatusCode);
        var refunded = await buyer.GetAsync($"/api/orders/{orderId}");
        Assert.Equal(("paid", "30.00"), (refunded.Text("status"), refunded.Text("refunded")));
        Assert.Equal("succeeded", (await buyer.GetAsync($"/api/orders/{orderId}/refunds"))[0].Text("status"));

        await platform.Service<DueWork>().RunOnceAsync();
        Assert.Equal("completed", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));
        await (await buyer.SendAsync($"/api/orders/{orderId}/refund", new { })).AssertProblem(HttpStatusCode.Conflict, "OrderNotRefundable");
        Assert.Equal(0, wechat.Unsigned);
    }
}
