using System.Net;

namespace ValuePool.Server.Tests;

/// <summary>Products that override the commission and reward rates within the configuration's limits.</summary>
public sealed class ProductRatesTests
{
    private static readonly object LowerRates = new { commission = "0.1", poolContribution = "0.08", distributionBudget = "0.02" };

    [Fact]
    public async Task AProductsOwnRates_SplitItsOrders_AndAreShown()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var product = await admin.PostAsync("/api/products", new { name = "Tea", price = "1000.00", shipped = false, rates = LowerRates });
        Assert.Equal("0.08", product.GetProperty("rates").Text("poolContribution"));

        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id") });
        await buyer.PostAsync($"/api/orders/{order.Text("id")}/pay", new { });
        var wallet = await buyer.WalletAsync();
        Assert.Equal("56.0000", wallet.Text("points")); // 8% into the pool, 70% of it minted at 1.00
        Assert.Equal("80.00", (await admin.GetAsync("/api/admin/pool")).Text("pool"));
    }

    [Fact]
    public async Task RatesOutsideTheLimits_AreRefusedWithFieldMessages()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var tooHigh = await admin.SendAsync("/api/products", new
        {
            name = "Gold", price = "10.00", shipped = false, rates = new { commission = "0.5", poolContribution = "0.16", distributionBudget = "0.02" },
        });
        await tooHigh.AssertFieldError("rates");
        var malformed = await admin.SendAsync("/api/products", new { name = "Gold", price = "10.00", shipped = false, rates = new { commission = "-0.1" } });
        await malformed.AssertFieldError("rates.commission");
        await malformed.AssertFieldError("rates.poolContribution");
        Assert.Empty((await admin.GetAsync("/api/products")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheAudit_ReportsAProductPayingThreeReferralLevels()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        await admin.PostAsync("/api/products", new
        {
            name = "Deep", price = "10.00", shipped = false,
            rates = new { commission = "0.2", poolContribution = "0.16", distributionBudget = "0.02", referralLevels = new[] { "0.003", "0.002", "0.001" }, recruiterReward = "0.004" },
        });
        var findings = (await admin.GetAsync("/api/admin/config")).GetProperty("findings").EnumerateArray().Select(f => f.Text("code"));
        Assert.Contains(findings, code => code.StartsWith("referral-depth:p"));
    }
}
