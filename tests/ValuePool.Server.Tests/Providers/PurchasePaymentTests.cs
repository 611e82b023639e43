using System.Net;
using System.Text.Json;
using ValuePool.Server.Orders;
using static ValuePool.Server.Tests.Providers.PlatformPaymentTests;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// Membership cards and platform products bought with shopping points under a real provider (each fake on loopback): the purchase
/// starts the provider's transaction and answers 202; only a verified notification for exactly its cash (or the provider's signed
/// answer to a query) grants it, once, with its completed order; the shopping points are checked and spent at the grant, and a
/// grant refused then is due back.
/// </summary>
public sealed class PurchasePaymentTests
{
    private static readonly object GoldCard = new
    {
        name = "Gold", price = "1000.00", discount = "0.22", openingShoppingPoints = "500.00", sellerReward = "50.00", validDays = 365,
        dailySpecialPrice = "9.90", freeItemDays = 90,
    };

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task ACardPurchase_Answers202_AndOnlyAVerifiedNotificationForItsPriceSellsTheCard_Once(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var cardId = (await merchant.PostAsync($"/api/stores/{storeId}/cards", GoldCard)).Text("id");
        var (buyer, seller) = (await platform.RegisterAsync(), await platform.RegisterAsync());
        var purchase = $"/api/cards/{cardId}/purchases";

        var payment = await StartAsync(buyer, purchase, new { sellerId = seller.Id }, fake, 100_000);
        var waiting = (await buyer.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment");
        Assert.Equal(("awaitingPayment", "cardPurchase", storeId), (waiting.Text("status"), waiting.Text("purpose"), waiting.Text("subject")));
        await DeliverAllButTheGenuineAsync(platform, fake, payment);
        Assert.Empty((await buyer.GetAsync("/api/cards/mine")).EnumerateArray());
        Assert.Equal("0.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        Assert.Equal("0.00", (await seller.WalletAsync()).Text("cash"));
        Assert.Empty(await OrdersAsync(buyer));

        var paid = fake.Paid(payment.PaymentId);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.Equal(cardId, Assert.Single((await buyer.GetAsync("/api/cards/mine")).EnumerateArray()).GetProperty("card").Text("id"));
        Assert.Equal("500.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        Assert.Equal("50.00", (await seller.WalletAsync()).Text("cash"));
        Assert.Equal("950.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        var order = Assert.Single(await OrdersAsync(buyer));
        Assert.Equal(("1000.00", "completed", storeId), (order.Text("amount"), order.Text("status"), order.Text("storeId")));
        Assert.Equal([("AmountMismatch", 1L), ("Applied", 1L), ("Duplicate", 1L)], await platform.Service<OrderStore>().CallbackOutcomesAsync(payment.Id));

        // The same purchase again (same key) is the same payment, granted once: 200 replayed, no second card, order or reward.
        var again = await buyer.Http.SendAsync(Keyed(purchase, new { sellerId = seller.Id }, payment.Key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replayed = await again.JsonAsync();
        Assert.True(replayed.GetProperty("replayed").GetBoolean());
        Assert.Equal("500.00", replayed.Text("shoppingPoints"));
        Assert.Single(await OrdersAsync(buyer));
        Assert.Equal("50.00", (await seller.WalletAsync()).Text("cash"));
        // Another card under that key is not this purchase.
        var otherCard = (await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = "Silver", price = "200.00", discount = "0.1", validDays = 30 })).Text("id");
        await (await buyer.Http.SendAsync(Keyed($"/api/cards/{otherCard}/purchases", new { }, payment.Key))).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, fake.Unsigned);
        AssertTheJournalIsSound(platform);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task AShoppingPurchase_HoldsNoPointsWhileItsCashAwaitsThePayer_AndThePolledSignedAnswerSpendsThemOnce(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var buyer = await BuyerWithPointsAsync(platform, fake);
        var productId = await ShoppingPointsTests.PlatformProductAsync(platform, "400.00");
        var body = new { productId, shoppingPoints = "280.00" };

        var payment = await StartAsync(buyer, "/api/shopping-points/purchases", body, fake, 12_000);
        var waiting = await buyer.GetAsync($"/api/payments/{payment.Id}");
        Assert.Equal(("awaitingPayment", "shoppingPurchase", "120.00"),
            (waiting.GetProperty("payment").Text("status"), waiting.GetProperty("payment").Text("purpose"), waiting.GetProperty("payment").Text("amount")));
        Assert.False(string.IsNullOrEmpty(waiting.GetProperty("action").Text("qrCode")));
        Assert.Equal("500.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        Assert.Empty(await OrdersAsync(buyer, productId));

        fake.MarkPaid(payment.PaymentId);
        Assert.Equal("applied", (await buyer.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment").Text("status"));
        Assert.Equal("220.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        var order = Assert.Single(await OrdersAsync(buyer, productId));
        Assert.Equal(("120.00", "completed"), (order.Text("amount"), order.Text("status")));
        // Its notification after the query, and the same purchase again, spend nothing more.
        Assert.True((await fake.Paid(payment.PaymentId)(platform)).IsSuccessStatusCode);
        var again = await buyer.Http.SendAsync(Keyed("/api/shopping-points/purchases", body, payment.Key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replayed = await again.JsonAsync();
        Assert.Equal((true, "220.00"), (replayed.GetProperty("replayed").GetBoolean(), replayed.GetProperty("holdings").Text("balance")));
        Assert.Single(await OrdersAsync(buyer, productId));
        AssertTheJournalIsSound(platform);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task PointsSpentWhileAPurchaseAwaitsItsCash_RefuseItsGrant_AndItsCashIsDueBack(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (buyer, productId, body, late) = await PointsSpentMeanwhileAsync(platform, fake);
        var state = (await buyer.GetAsync($"/api/payments/{late.Id}")).GetProperty("payment");
        Assert.Equal(("refundDue", "InsufficientShoppingPoints", "120.00"), (state.Text("status"), state.Text("refusal"), state.Text("amount")));
        Assert.Equal("220.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        Assert.Single(await OrdersAsync(buyer, productId));
        var finance = await platform.UserWithRoleAsync("finance");
        Assert.Equal(late.Id, Assert.Single((await finance.GetAsync("/api/payments/refunds-due")).EnumerateArray()).Text("id"));

        // Asking again under its key names the payment due back, and grants nothing.
        var problem = await (await buyer.Http.SendAsync(Keyed("/api/shopping-points/purchases", body, late.Key)))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientShoppingPoints");
        Assert.Equal(("refundDue", late.Id), (problem.GetProperty("payment").Text("status"), problem.GetProperty("payment").Text("id")));
        Assert.Equal("220.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        AssertTheJournalIsSound(platform);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task APurchaseTheEngineWouldRefuseNow_IsRefusedBeforeTheProviderCharges(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var buyer = await BuyerWithPointsAsync(platform, fake);
        var (dear, cheap) = (await ShoppingPointsTests.PlatformProductAsync(platform, "1000.00"), await ShoppingPointsTests.PlatformProductAsync(platform, "100.00"));

        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId = dear, shoppingPoints = "500.01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientShoppingPoints");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId = cheap, shoppingPoints = "70.01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "ShoppingPointsAboveLimit");
        // Only the card's payment was ever started.
        Assert.Equal(["cardPurchase"], (await buyer.GetAsync("/api/payments")).EnumerateArray().Select(p => p.Text("purpose")));
    }

    /// <summary>A member who bought the Gold card through the provider (paid by its notification): 500 shopping points.</summary>
    internal static async Task<User> BuyerWithPointsAsync(Platform platform, TwoStepFake fake)
    {
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var cardId = (await merchant.PostAsync($"/api/stores/{storeId}/cards", GoldCard)).Text("id");
        var buyer = await platform.RegisterAsync();
        var card = await StartAsync(buyer, $"/api/cards/{cardId}/purchases", new { }, fake, 100_000);
        Assert.True((await fake.Paid(card.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.Equal("500.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        return buyer;
    }

    /// <summary>The member's orders (of the product only, when named).</summary>
    private static async Task<List<JsonElement>> OrdersAsync(User member, string? productId = null) =>
        (await member.GetAsync("/api/orders")).GetProperty("items").EnumerateArray()
            .Where(order => productId is null || order.GetProperty("productId").GetString() == productId).ToList();

    /// <summary>The same check as <c>valuepool audit verify</c>: hash chain, replay digests, balances.</summary>
    internal static void AssertTheJournalIsSound(Platform platform)
    {
        using var store = ValuePool.Storage.StoreLocation.Open(platform.DbPath);
        var audit = ValuePool.Storage.Audit.JournalAudit.Run(store);
        Assert.True(audit.Passed, audit.ToString());
    }

    /// <summary>
    /// Two purchases of a 400.00 product, each with 280.00 shopping points, started while the buyer held 500 (each within them,
    /// together not); the earlier-started one is paid last, so its grant is refused and its 120.00 cash is due back.
    /// </summary>
    internal static async Task<(User Buyer, string ProductId, object Body, Started Late)> PointsSpentMeanwhileAsync(Platform platform, TwoStepFake fake)
    {
        var buyer = await BuyerWithPointsAsync(platform, fake);
        var productId = await ShoppingPointsTests.PlatformProductAsync(platform, "400.00");
        var body = new { productId, shoppingPoints = "280.00" };
        var late = await StartAsync(buyer, "/api/shopping-points/purchases", body, fake, 12_000);
        var early = await StartAsync(buyer, "/api/shopping-points/purchases", body, fake, 12_000);
        Assert.True((await fake.Paid(early.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.True((await fake.Paid(late.PaymentId)(platform)).IsSuccessStatusCode);
        return (buyer, productId, body, late);
    }
}
