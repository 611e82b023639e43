using System.Net;
using System.Security.Cryptography;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments.Alipay;
using static ValuePool.Server.Tests.Providers.ProviderHttp;

namespace ValuePool.Server.Tests.Providers;

/// <summary>Alipay against its fake gateway on loopback: RSA2-signed requests and answers, verified notifications, query, close, refunds.</summary>
public sealed class AlipayTests
{
    private const string NotifyPath = "/api/payments/alipay/notify";
    private const string Form = "application/x-www-form-urlencoded";

    private static Task<HttpResponseMessage> NotifyAsync(Platform platform, string form) => ProviderHttp.NotifyAsync(platform, NotifyPath, form, new Dictionary<string, string>(), Form);

    [Fact]
    public async Task AScanToPayOrder_CompletesOnlyAfterAVerifiedNotification_AndEveryOtherDeliveryChangesNothing()
    {
        await using var alipay = await FakeAlipay.StartAsync();
        await using var platform = new Platform(alipay.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();

        var started = await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "88.88" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var answer = await started.JsonAsync();
        var order = answer.GetProperty("order");
        var (orderId, paymentId) = (order.Text("id"), order.Text("paymentId"));
        Assert.Equal("https://qr.alipay.com/bax" + paymentId, answer.GetProperty("action").Text("qrCode"));
        Assert.Equal(("88.88", orderId), (alipay.Trades[paymentId].TotalAmount, alipay.Trades[paymentId].Body));

        var genuine = alipay.Pay(paymentId);
        var waiting = Fields(genuine);
        waiting["trade_status"] = "WAIT_BUYER_PAY";
        Assert.Equal("success", await (await NotifyAsync(platform, alipay.Notification(waiting))).Content.ReadAsStringAsync());
        Assert.Equal("failure", await (await NotifyAsync(platform, genuine.Replace("88.88", "0.01"))).Content.ReadAsStringAsync());
        using var stranger = RSA.Create(2048);
        var forged = alipay.Notification(Fields(genuine), stranger);
        Assert.Equal("failure", await (await NotifyAsync(platform, forged)).Content.ReadAsStringAsync());
        Assert.Equal("failure", await (await NotifyAsync(platform, alipay.Pay(paymentId, sellerId: "2088000000000099"))).Content.ReadAsStringAsync());
        Assert.Equal("failure", await (await NotifyAsync(platform, alipay.Pay(paymentId, totalAmount: "88.89"))).Content.ReadAsStringAsync());
        Assert.Equal("created", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));

        Assert.Equal("success", await (await NotifyAsync(platform, genuine)).Content.ReadAsStringAsync());
        Assert.Equal("completed", (await buyer.GetAsync($"/api/orders/{orderId}")).Text("status"));
        Assert.Equal("success", await (await NotifyAsync(platform, genuine)).Content.ReadAsStringAsync());
        Assert.Equal([("AmountMismatch", 1L), ("Applied", 1L), ("Duplicate", 1L)], await platform.Service<OrderStore>().CallbackOutcomesAsync(orderId));
        Assert.Equal(0, alipay.Unsigned);
    }

    [Fact]
    public async Task PayingAgain_QueriesAlipay_TheMobilePageIsASignedGatewayAddress_AndAnUnpaidTradeCloses()
    {
        await using var alipay = await FakeAlipay.StartAsync();
        await using var platform = new Platform(alipay.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();

        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "0.01" });
        var payPath = $"/api/orders/{order.Text("id")}/pay";
        Assert.Equal(HttpStatusCode.Accepted, (await buyer.PostEmptyAsync(payPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await buyer.PostEmptyAsync(payPath)).StatusCode);
        alipay.Trades[order.Text("paymentId")].Status = "TRADE_SUCCESS";
        var queried = await buyer.PostEmptyAsync(payPath);
        Assert.Equal(HttpStatusCode.OK, queried.StatusCode);
        Assert.Equal("completed", (await queried.JsonAsync()).GetProperty("order").Text("status"));

        var mobile = await buyer.PostAsync("/api/orders", new { storeId, amount = "20.00" });
        var page = await (await buyer.PostEmptyAsync($"/api/orders/{mobile.Text("id")}/pay?channel=mobileWeb")).JsonAsync();
        var url = new Uri(page.GetProperty("action").Text("url"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal("alipay.trade.wap.pay", query["method"]);
        Assert.Contains("\"product_code\":\"QUICK_WAP_WAY\"", query["biz_content"]);
        Assert.True(AlipaySignature.Verify(alipay.AppKey, AlipaySignature.Content(query, "sign"), query["sign"]));
        var inApp = await buyer.PostAsync("/api/orders", new { storeId, amount = "1.00" });
        await (await buyer.PostEmptyAsync($"/api/orders/{inApp.Text("id")}/pay?channel=inApp&openId=x")).AssertProblem(HttpStatusCode.BadGateway, "PaymentProviderFailed");

        var unpaid = await buyer.PostAsync("/api/orders", new { storeId, amount = "3.00" });
        await buyer.PostEmptyAsync($"/api/orders/{unpaid.Text("id")}/pay");
        Assert.True(await platform.Service<AlipayProvider>().CloseAsync(unpaid.Text("paymentId")));
        Assert.Equal("TRADE_CLOSED", alipay.Trades[unpaid.Text("paymentId")].Status);
        Assert.Equal(0, alipay.Unsigned);
    }

    [Fact]
    public async Task ARefund_GoesThroughAlipayInExactYuan_AndARefusedOneChangesNothing()
    {
        await using var alipay = await FakeAlipay.StartAsync();
        await using var platform = new Platform(alipay.Settings());
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Kettle", price = "99.99", shipped = true });
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        await buyer.PostEmptyAsync($"/api/orders/{order.Text("id")}/pay");
        Assert.Equal("success", await (await NotifyAsync(platform, alipay.Pay(order.Text("paymentId")))).Content.ReadAsStringAsync());

        alipay.RefuseRefunds = "ACQ.SELLER_BALANCE_NOT_ENOUGH";
        var refused = await (await buyer.SendAsync($"/api/orders/{order.Text("id")}/refund", new { amount = "0.99" })).AssertProblem(HttpStatusCode.BadGateway, "RefundRefusedByProvider");
        Assert.Contains("ACQ.SELLER_BALANCE_NOT_ENOUGH", refused.Text("detail"));
        Assert.Equal("0.00", (await buyer.GetAsync($"/api/orders/{order.Text("id")}")).Text("refunded"));

        alipay.RefuseRefunds = null;
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var partial = await buyer.PostAsync($"/api/orders/{order.Text("id")}/refund", new { amount = "0.99" });
        Assert.Equal(("succeeded", "0.99"), (partial.GetProperty("refund").Text("status"), partial.GetProperty("order").Text("refunded")));
        Assert.Equal("0.99", alipay.Refunds[partial.GetProperty("refund").Text("id")]["refund_amount"]!.GetValue<string>());
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var rest = await buyer.PostAsync($"/api/orders/{order.Text("id")}/refund", new { });
        Assert.Equal("99.00", alipay.Refunds[rest.GetProperty("refund").Text("id")]["refund_amount"]!.GetValue<string>());
        Assert.Equal(("refunded", "99.99"), (rest.GetProperty("order").Text("status"), rest.GetProperty("order").Text("refunded")));
        Assert.Equal(["failed", "succeeded", "succeeded"], (await buyer.GetAsync($"/api/orders/{order.Text("id")}/refunds")).EnumerateArray().Select(r => r.Text("status")));
    }

    private static Dictionary<string, string> Fields(string form) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form).Where(p => p.Key is not ("sign" or "sign_type")).ToDictionary(p => p.Key, p => p.Value.ToString());
}
