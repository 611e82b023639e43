using System.Net;

namespace ValuePool.Server.Tests;

/// <summary>Issue 10's findings about money, each reproduced through HTTP: every one must be refused or harmless now.</summary>
public sealed class MoneySafetyTests
{
    private const string TwentyNineDigits = "12345678901234567890123456789";

    [Fact]
    public async Task ACardThatWouldHaltTheLedger_IsRefusedNamingItsField_AndTheTillKeepsServing()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await (await merchant.SendAsync($"/api/stores/{storeId}/cards", new { name = "Forever", price = "10.00", validDays = int.MaxValue }))
            .AssertFieldError("validDays");
        await (await merchant.SendAsync($"/api/stores/{storeId}/cards", new { name = "Free forever", price = "10.00", freeItemDays = int.MaxValue }))
            .AssertFieldError("freeItemDays");

        var card = await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = "Decade", price = "10.00", validDays = 3650, freeItemDays = 3650 });
        var member = await platform.RegisterAsync();
        await member.PostAsync($"/api/cards/{card.Text("id")}/purchases", new { });
        await platform.TopUpDepositAsync(storeId, 10m);
        var till = await merchant.PostAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "10.00", benefit = "freeItem" });
        Assert.Equal("0.00", till.Text("charged"));
        Assert.Equal(HttpStatusCode.OK, (await platform.Anonymous().GetAsync("/health")).StatusCode);
        await (await platform.RegisterAsync()).BuyAsync(storeId, "10.00");
    }

    [Fact]
    public async Task ATillSaleNobodyPaidFor_IsRefused_UntilTheMerchantsDepositCoversItsCommission()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var own = new { memberId = merchant.Id, amount = "100000.00" };
        await (await merchant.SendAsync($"/api/stores/{storeId}/checkout", own)).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientDeposit");
        var wallet = await merchant.WalletAsync();
        Assert.Equal(("0.0000", "0.00"), (wallet.Text("points"), wallet.Text("shoppingPoints")));

        await platform.TopUpDepositAsync(storeId, 20_000m);
        await merchant.PostAsync($"/api/stores/{storeId}/checkout", own);
        var account = await merchant.GetAsync($"/api/stores/{storeId}/account");
        Assert.Equal(("0.00", "0.00"), (account.Text("deposit"), account.Text("balance")));
        var points = (await merchant.WalletAsync()).Text("points");
        await merchant.PostAsync("/api/wallet/sell", new { points });
        // The ¥20,000 commission paid for points worth 11.2% of the sale; sold at 80%, they return less than was paid.
        Assert.True(decimal.Parse((await merchant.WalletAsync()).Text("cash")) < 20_000m);
    }

    [Fact]
    public async Task ACardGrantingMoreShoppingPointsThanThreeTimesItsPrice_IsRefused()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await (await merchant.SendAsync($"/api/stores/{storeId}/cards", new { name = "Penny", price = "0.01", openingShoppingPoints = "1000000.00" }))
            .AssertFieldError("openingShoppingPoints");
        await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = "Fair", price = "100.00", openingShoppingPoints = "300.00" });
    }

    [Fact]
    public async Task APartnerReferralReward_IsPaidOnlyFromMoneyTheStoreReceived_TheRestOwed()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync("Nanshan", new { partnerReferralReward = "50.00" });
        var partner = await platform.RegisterAsync();
        await merchant.PostAsync($"/api/stores/{storeId}/partners", new { memberId = partner.Id });
        var code = (await partner.GetAsync("/api/promoters/me/link")).Text("code");
        await platform.RegisterAsync(code);
        await platform.RegisterAsync(code);
        var wallet = await partner.WalletAsync();
        Assert.Equal(("0.00", "100.00"), (wallet.Text("cash"), wallet.Text("owed")));
        Assert.Equal("0.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        // Owed is not withdrawable.
        await (await partner.SendAsync("/api/withdrawals", new { amount = "50.00" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientCash");

        await (await platform.RegisterAsync()).BuyAsync(storeId, "1000.00"); // net 800.00: the debts are paid first
        wallet = await partner.WalletAsync();
        Assert.Equal(("100.00", "0.00"), (wallet.Text("cash"), wallet.Text("owed")));
        Assert.Equal("700.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
    }

    [Fact]
    public async Task APartnerReferralRewardAboveTheBound_IsRefusedNamingItsField()
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var store = new { name = "Tea", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" }, terms = new { partnerReferralReward = "1000000.00" } };
        await (await merchant.SendAsync("/api/stores", store)).AssertFieldError("terms.partnerReferralReward");
        var greedy = new { name = "Tea", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" }, terms = new { shoppingPointsRate = "11" } };
        await (await merchant.SendAsync("/api/stores", greedy)).AssertFieldError("terms.shoppingPointsRate");
    }

    [Fact]
    public async Task A29DigitAmount_IsA400NamingTheField_OnEveryEndpointThatReadsOne()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var admin = await platform.AdminAsync();
        var member = await platform.RegisterAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Tea", price = "10.00", shipped = false });
        (User Who, string Path, object Body, string Field)[] attempts =
        [
            (member, $"/api/stores/{storeId}/pay", new { amount = TwentyNineDigits }, "amount"),
            (member, "/api/orders", new { storeId, amount = TwentyNineDigits }, "amount"),
            (member, "/api/wallet/sell", new { points = TwentyNineDigits }, "points"),
            (member, "/api/withdrawals", new { amount = TwentyNineDigits }, "amount"),
            (member, "/api/shopping-points/purchases", new { productId = product.Text("id"), shoppingPoints = TwentyNineDigits }, "shoppingPoints"),
            (merchant, $"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = TwentyNineDigits }, "amount"),
            (merchant, $"/api/stores/{storeId}/cards", new { name = "X", price = TwentyNineDigits }, "price"),
            (merchant, $"/api/stores/{storeId}/cards", new { name = "X", price = "1.00", sellerReward = TwentyNineDigits }, "sellerReward"),
            (merchant, $"/api/stores/{storeId}/cards", new { name = "X", price = "1.00", discount = TwentyNineDigits }, "discount"),
            (merchant, $"/api/stores/{storeId}/products", new { name = "X", price = TwentyNineDigits, shipped = false }, "price"),
            (merchant, $"/api/stores/{storeId}/shareholders", new { memberId = member.Id, share = "0.1", invested = TwentyNineDigits }, "invested"),
            (merchant, $"/api/stores/{storeId}/shareholders", new { memberId = member.Id, share = TwentyNineDigits }, "share"),
            (merchant, $"/api/stores/{storeId}/payouts", new { amount = TwentyNineDigits }, "amount"),
            (merchant, "/api/stores", new { name = "X", region = new { province = "a", city = "b", district = "c" }, terms = new { partnerSpend = TwentyNineDigits } }, "terms.partnerSpend"),
            (admin, "/api/admin/subsidies", new { amount = TwentyNineDigits, source = "A round" }, "amount"),
        ];
        foreach (var (who, path, body, field) in attempts)
            await (await who.SendAsync(path, body)).AssertFieldError(field);
    }

    [Fact]
    public async Task AStoresBalance_IsPaidOutToItsMerchant_ThroughFinancesReview()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync()).BuyAsync(storeId, "1000.00");
        var finance = await platform.UserWithRoleAsync("finance");

        await (await merchant.SendAsync($"/api/stores/{storeId}/payouts", new { amount = "800.01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientStoreBalance");
        await (await (await platform.RegisterAsync()).SendAsync($"/api/stores/{storeId}/payouts", new { amount = "10.00" })).AssertProblem(HttpStatusCode.Forbidden);
        var payout = await merchant.PostAsync($"/api/stores/{storeId}/payouts", new { amount = "500.00" });
        Assert.Equal((storeId, "pending"), (payout.Text("storeId"), payout.Text("status")));
        Assert.Equal("300.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        Assert.Contains((await finance.GetAsync("/api/withdrawals/pending")).GetProperty("items").EnumerateArray(), w => w.Text("id") == payout.Text("id"));

        await finance.PostAsync($"/api/withdrawals/{payout.Text("id")}/reject", new { });
        Assert.Equal("800.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        var second = await merchant.PostAsync($"/api/stores/{storeId}/payouts", new { amount = "800.00" });
        var paid = await finance.PostAsync($"/api/withdrawals/{second.Text("id")}/approve", new { });
        Assert.Equal("paid", paid.Text("status"));
        Assert.Equal("0.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
        Assert.Equal(2, (await merchant.GetAsync($"/api/stores/{storeId}/payouts")).GetProperty("total").GetInt32());
    }
}
