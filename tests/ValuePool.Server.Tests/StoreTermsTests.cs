namespace ValuePool.Server.Tests;

public sealed class StoreTermsTests
{
    [Fact]
    public async Task TermsChosenAtRegistration_ReachTheEngineAtApproval_SoASpendThresholdMakesPartners()
    {
        await using var platform = new Platform();
        var terms = new { shoppingPointsRate = "1", partnerSpend = "500.00", partnerSplit = "weighted", partnerPeriod = "monthly", partnerReferralReward = "5.00" };
        var (merchant, storeId, _) = await platform.OpenStoreAsync(terms: terms);
        var store = await merchant.GetAsync($"/api/stores/{storeId}");
        Assert.Equal(("1", "500.00", "weighted", "monthly", "5.00"), (store.GetProperty("terms").Text("shoppingPointsRate"),
            store.GetProperty("terms").Text("partnerSpend"), store.GetProperty("terms").Text("partnerSplit"), store.GetProperty("terms").Text("partnerPeriod"),
            store.GetProperty("terms").Text("partnerReferralReward")));

        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "600.00");
        Assert.Equal("600.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        var partners = await merchant.GetAsync($"/api/stores/{storeId}/partners");
        Assert.Equal([buyer.Id], partners.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task AStoreWithoutTerms_KeepsThePlatformDefaults()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var terms = (await merchant.GetAsync($"/api/stores/{storeId}")).GetProperty("terms");
        Assert.Equal(("3", "equal", "weekly", "0.00"), (terms.Text("shoppingPointsRate"), terms.Text("partnerSplit"), terms.Text("partnerPeriod"),
            terms.Text("partnerReferralReward")));
    }

    [Fact]
    public async Task BadTerms_AreNamedFieldByField()
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var response = await merchant.SendAsync("/api/stores", new
        {
            name = "Noodles", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" },
            terms = new { shoppingPointsRate = "-3", partnerSpend = "0", partnerSplit = "random", partnerPeriod = "daily", partnerReferralReward = "-1.00" },
        });
        foreach (var field in new[] { "shoppingPointsRate", "partnerSpend", "partnerSplit", "partnerPeriod", "partnerReferralReward" })
            await response.AssertFieldError("terms." + field);
    }
}
