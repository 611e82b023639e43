using System.Net;
using System.Text;
using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Server.Hosting;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Tests;

public sealed class OrdersAndPaymentsTests
{
    [Fact]
    public async Task AnInStorePayment_CompletesAtOnce_AndMintsTheSeedVectorsPoints()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var paid = await buyer.BuyAsync(storeId, "1000.00");
        Assert.Equal("Applied", paid.Text("outcome"));
        Assert.Equal("completed", paid.GetProperty("order").Text("status"));
        var wallet = await buyer.WalletAsync();
        Assert.Equal("112.0000", wallet.Text("points"));
        Assert.Equal("160.00", wallet.Text("pointsValue"));
        Assert.Equal("1200.00", wallet.Text("exitTarget"));
    }

    [Fact]
    public async Task AReplayedCallback_ChangesNothing_AndIsLogged()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var paid = await buyer.BuyAsync(storeId, "1000.00");
        var callback = paid.GetProperty("callback");
        var replay = await PostCallback(platform, callback.Text("body"), callback.Text("signature"));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Duplicate", await replay.Content.ReadAsStringAsync());
        Assert.Equal("112.0000", (await buyer.WalletAsync()).Text("points"));
        var log = await platform.Service<ValuePool.Server.Orders.OrderStore>().CallbackOutcomesAsync(paid.GetProperty("order").Text("id"));
        Assert.Equal([("Applied", 1L), ("Duplicate", 1L)], log);
    }

    [Fact]
    public async Task ABadSignature_OrATamperedBody_IsRefusedWith401()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "100.00" });
        var provider = platform.Service<SimulatedPaymentProvider>();
        var genuine = provider.Charge(order.Text("paymentId"), order.Text("id"), Money.FromYuan(100));
        var tampered = genuine.Body.Replace("100.00", "1.00");
        await (await PostCallback(platform, tampered, genuine.Signature)).AssertProblem(HttpStatusCode.Unauthorized, "BadSignature");
        await (await PostCallback(platform, genuine.Body, new string('0', 64))).AssertProblem(HttpStatusCode.Unauthorized, "BadSignature");
        await (await PostCallback(platform, genuine.Body, null)).AssertProblem(HttpStatusCode.Unauthorized, "BadSignature");
        Assert.Equal("created", (await buyer.GetAsync($"/api/orders/{order.Text("id")}")).Text("status"));
        Assert.Equal("0.0000", (await buyer.WalletAsync()).Text("points"));
    }

    [Fact]
    public async Task ACallbackForAnOrderNoLongerWaiting_IsOutOfOrder_AndAWrongAmountIsRefused()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var paid = await buyer.BuyAsync(storeId, "100.00");
        var order = paid.GetProperty("order");
        var provider = platform.Service<SimulatedPaymentProvider>();
        var late = provider.Charge(order.Text("paymentId"), order.Text("id"), Money.FromYuan(100));
        Assert.Contains("OutOfOrder", await (await PostCallback(platform, late.Body, late.Signature)).Content.ReadAsStringAsync());

        var second = await buyer.PostAsync("/api/orders", new { storeId, amount = "100.00" });
        var wrong = provider.Charge(second.Text("paymentId"), second.Text("id"), Money.FromYuan(99));
        await (await PostCallback(platform, wrong.Body, wrong.Signature)).AssertProblem(HttpStatusCode.UnprocessableEntity, "AmountMismatch");
        Assert.Equal("11.2000", (await buyer.WalletAsync()).Text("points"));
    }

    [Fact]
    public async Task AShippedProduct_CompletesAfterTheAfterSalesWindow_AndARefundBeforeMovesNothing()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Rice cooker", price = "500.00", shipped = true });
        var buyer = await platform.RegisterAsync();
        var kept = await PayProduct(buyer, product.Text("id"));
        var returned = await PayProduct(buyer, product.Text("id"));
        Assert.Equal("paid", kept.Text("status"));
        Assert.Equal("refunded", (await buyer.PostAsync($"/api/orders/{returned.Text("id")}/refund", new { })).GetProperty("order").Text("status"));

        platform.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await platform.Service<DueWork>().RunOnceAsync();
        Assert.Equal("paid", (await buyer.GetAsync($"/api/orders/{kept.Text("id")}")).Text("status"));
        platform.Clock.Advance(TimeSpan.FromMinutes(2));
        await platform.Service<DueWork>().RunOnceAsync();
        Assert.Equal("completed", (await buyer.GetAsync($"/api/orders/{kept.Text("id")}")).Text("status"));
        Assert.Equal("refunded", (await buyer.GetAsync($"/api/orders/{returned.Text("id")}")).Text("status"));
        Assert.Equal("56.0000", (await buyer.WalletAsync()).Text("points"));
        await (await buyer.SendAsync($"/api/orders/{kept.Text("id")}/refund", new { })).AssertProblem(HttpStatusCode.Conflict, "OrderNotRefundable");
    }

    [Fact]
    public async Task BadOrders_AreRefusedWithFieldMessages()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        foreach (var amount in new[] { "-5.00", "0", "1e3", "12.345", "abc", "99999999999999.00" })
            await (await buyer.SendAsync("/api/orders", new { storeId, amount })).AssertFieldError("amount");
        await (await buyer.SendAsync("/api/orders", new { storeId = "s_nope", amount = "1.00" })).AssertFieldError("storeId");
        await (await buyer.SendAsync("/api/orders", new { productId = "p_nope" })).AssertFieldError("productId");
        await (await buyer.SendAsync("/api/orders", new { })).AssertFieldError("storeId");
        var asNumber = await buyer.Http.PostAsync("/api/orders", new StringContent($"{{\"storeId\":\"{storeId}\",\"amount\":1000.5}}", Encoding.UTF8, "application/json"));
        await asNumber.AssertProblem(HttpStatusCode.BadRequest);
        await (await buyer.Http.GetAsync("/api/orders/o_unknown")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOversizedBody_IsRefusedWith413()
    {
        await using var platform = new Platform();
        var buyer = await platform.RegisterAsync();
        var huge = new StringContent(JsonSerializer.Serialize(new { storeId = new string('x', 100_000), amount = "1.00" }), Encoding.UTF8, "application/json");
        await (await buyer.Http.PostAsync("/api/orders", huge)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OnlyTheBuyerPays_AndPayingAgainAnswersTheSamePayment_WithoutASecondCharge()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var other = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "10.00" });
        await (await other.SendAsync($"/api/orders/{order.Text("id")}/pay", new { })).AssertProblem(HttpStatusCode.Forbidden);
        await (await other.Http.GetAsync($"/api/orders/{order.Text("id")}")).AssertProblem(HttpStatusCode.Forbidden);
        var provider = platform.Service<SimulatedPaymentProvider>();
        var first = await buyer.PostAsync($"/api/orders/{order.Text("id")}/pay", new { });
        var again = await buyer.PostAsync($"/api/orders/{order.Text("id")}/pay", new { });
        Assert.Equal(("Applied", "Duplicate"), (first.Text("outcome"), again.Text("outcome")));
        Assert.Equal(first.GetProperty("callback").Text("body"), again.GetProperty("callback").Text("body"));
        Assert.Equal(order.Text("paymentId"), again.GetProperty("order").Text("paymentId"));
        Assert.Equal("completed", again.GetProperty("order").Text("status"));
        Assert.Equal(1, provider.Requests);

        // An order paid in one step was never charged through this endpoint: there is nothing to pay.
        var inStore = await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount = "5.00" });
        await (await buyer.SendAsync($"/api/orders/{inStore.GetProperty("order").Text("id")}/pay", new { }))
            .AssertProblem(HttpStatusCode.Conflict, "OrderNotPayable");
    }

    private static async Task<JsonElement> PayProduct(User buyer, string productId)
    {
        var order = await buyer.PostAsync("/api/orders", new { productId });
        return (await buyer.PostAsync($"/api/orders/{order.Text("id")}/pay", new { })).GetProperty("order");
    }

    public static Task<HttpResponseMessage> PostCallback(Platform platform, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/simulated/callback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add(SimulatedPaymentProvider.SignatureHeader, signature);
        return platform.Anonymous().SendAsync(request);
    }
}
