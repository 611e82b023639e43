using System.Net;
using System.Text.Json;

namespace ValuePool.Server.Tests;

public sealed class CardsTests
{
    private static readonly object GoldCard = new
    {
        name = "Gold", price = "1000.00", discount = "0.22", openingShoppingPoints = "500.00", sellerReward = "50.00", validDays = 365,
        dailySpecialPrice = "9.90", freeItemDays = 90,
    };

    [Fact]
    public async Task AMemberBuysACard_TheSellerEarnsItsReward_AndTheBuyerGetsItsOpeningShoppingPoints()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var card = await merchant.PostAsync($"/api/stores/{storeId}/cards", GoldCard);
        Assert.Equal(("Gold", "0.22", "9.90"), (card.Text("name"), card.Text("discount"), card.Text("dailySpecialPrice")));
        var (buyer, seller) = (await platform.RegisterAsync(), await platform.RegisterAsync());

        var bought = await buyer.PostAsync($"/api/cards/{card.Text("id")}/purchases", new { sellerId = seller.Id });
        Assert.Equal("500.00", bought.Text("shoppingPoints"));
        Assert.Equal("50.00", (await seller.WalletAsync()).Text("cash"));
        Assert.Equal("950.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        Assert.Single((await buyer.GetAsync($"/api/stores/{storeId}/cards")).GetProperty("items").EnumerateArray());
        // The price was collected through the payment provider and recorded as the buyer's completed order.
        var order = Assert.Single((await buyer.GetAsync("/api/orders")).GetProperty("items").EnumerateArray());
        Assert.Equal(("1000.00", "completed", storeId), (order.Text("amount"), order.Text("status"), order.Text("storeId")));
    }

    [Fact]
    public async Task AtTheCheckout_TheEngineAppliesTheCard_AndTheChargeShownIsItsOwn()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var cardId = (await merchant.PostAsync($"/api/stores/{storeId}/cards", GoldCard)).Text("id");
        var buyer = await platform.RegisterAsync();
        await buyer.PostAsync($"/api/cards/{cardId}/purchases", new { });
        await platform.TopUpDepositAsync(storeId, 100m);

        Assert.Equal("78.00", (await CheckoutAsync(merchant, storeId, buyer, "100.00", null)).Text("charged"));
        Assert.Equal("9.90", (await CheckoutAsync(merchant, storeId, buyer, "25.00", "dailySpecial")).Text("charged"));
        Assert.Equal("0.00", (await CheckoutAsync(merchant, storeId, buyer, "30.00", "freeItem")).Text("charged"));
        var again = await merchant.SendAsync($"/api/stores/{storeId}/checkout", new { memberId = buyer.Id, amount = "25.00", benefit = "dailySpecial" });
        await again.AssertProblem(HttpStatusCode.UnprocessableEntity, "CardBenefitUnavailable");

        var mine = await buyer.GetAsync("/api/checkouts");
        Assert.Equal(["0.00", "78.00", "9.90"], mine.GetProperty("items").EnumerateArray().Select(c => c.Text("charged")).Order(StringComparer.Ordinal));
        var account = await merchant.GetAsync($"/api/stores/{storeId}/account");
        Assert.Equal("87.90", account.Text("revenue"));
        // The customers paid the merchant: each sale's 20% commission came out of the deposit (78.00 → 15.60, 9.90 → 1.98).
        Assert.Equal("82.42", account.Text("deposit"));
    }

    [Fact]
    public async Task AMembersCards_ShowTheirValidity_AndWhichOfTodaysBenefitsAreLeft()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var cardId = (await merchant.PostAsync($"/api/stores/{storeId}/cards", GoldCard)).Text("id");
        var buyer = await platform.RegisterAsync();
        Assert.Empty((await buyer.GetAsync("/api/cards/mine")).EnumerateArray());
        await buyer.PostAsync($"/api/cards/{cardId}/purchases", new { });
        await platform.TopUpDepositAsync(storeId, 100m);

        var held = Assert.Single((await buyer.GetAsync("/api/cards/mine")).EnumerateArray());
        Assert.Equal(("Gold", cardId), (held.GetProperty("card").Text("name"), held.GetProperty("card").Text("id")));
        var opened = DateOnly.Parse(held.Text("openedOn"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(opened.AddDays(364), DateOnly.Parse(held.Text("lastValidDay"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(held.GetProperty("valid").GetBoolean());
        Assert.True(held.GetProperty("dailySpecialAvailable").GetBoolean());
        Assert.True(held.GetProperty("freeItemAvailable").GetBoolean());

        await CheckoutAsync(merchant, storeId, buyer, "25.00", "dailySpecial");
        await CheckoutAsync(merchant, storeId, buyer, "30.00", "freeItem");
        held = Assert.Single((await buyer.GetAsync("/api/cards/mine")).EnumerateArray());
        Assert.False(held.GetProperty("dailySpecialAvailable").GetBoolean());
        Assert.False(held.GetProperty("freeItemAvailable").GetBoolean());
        Assert.True(held.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task ARetriedCheckout_AnswersTheFirstCharge_AndChargesOnce()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await platform.TopUpDepositAsync(storeId, 100m);
        merchant.Http.DefaultRequestHeaders.Add("Idempotency-Key", "till-1");
        var first = await CheckoutAsync(merchant, storeId, buyer, "100.00", null);
        var retry = await CheckoutAsync(merchant, storeId, buyer, "100.00", null);
        Assert.Equal((false, true, "100.00"), (first.GetProperty("replayed").GetBoolean(), retry.GetProperty("replayed").GetBoolean(), retry.Text("charged")));
        Assert.Equal("100.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("revenue"));
    }

    [Fact]
    public async Task CardsAndTheTill_AreTheOwnersOnly_AndBadInputIsNamed()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (otherMerchant, _, _) = await platform.OpenStoreAsync("Futian");
        var member = await platform.RegisterAsync();
        await (await otherMerchant.SendAsync($"/api/stores/{storeId}/cards", GoldCard)).AssertProblem(HttpStatusCode.Forbidden);
        await (await member.SendAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "10.00" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await otherMerchant.SendAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "10.00" }))
            .AssertProblem(HttpStatusCode.Forbidden);

        await (await member.SendAsync("/api/cards/card_nothing/purchases", new { })).AssertProblem(HttpStatusCode.NotFound, "UnknownCard");
        await (await merchant.SendAsync($"/api/stores/{storeId}/cards", new { name = "Free", price = "-1.00" })).AssertFieldError("price");
        await (await merchant.SendAsync($"/api/stores/{storeId}/cards", new { name = "All free", price = "10.00", discount = "1" }))
            .AssertFieldError("discount");
        var till = await merchant.SendAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "-10.00", benefit = "everything" });
        await till.AssertFieldError("amount");
        await till.AssertFieldError("benefit");
        await (await merchant.SendAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "10.00", benefit = "freeItem" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "CardBenefitUnavailable");
    }

    private static Task<JsonElement> CheckoutAsync(User owner, string storeId, User buyer, string amount, string? benefit) =>
        owner.PostAsync($"/api/stores/{storeId}/checkout", new { memberId = buyer.Id, amount, benefit });
}
