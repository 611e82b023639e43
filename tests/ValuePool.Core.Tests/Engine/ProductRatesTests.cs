using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Engine;

/// <summary>Products that override the commission and reward rates (issue 4), within the configuration's limits.</summary>
public class ProductRatesTests
{
    private static readonly OrderRates Lower = new(Rate.Percent(10), Rate.Percent(8), Rate.Percent(2));

    private static CommandResult Buy(ValuePoolEngine engine, string member, decimal yuan, OrderRates? rates) =>
        engine.Apply(new Consume(member, null, Money.FromYuan(yuan), Orders.Day1) { Rates = rates });

    [Fact]
    public void AProductsOwnRates_SplitItsOrders()
    {
        var engine = new ValuePoolEngine();
        engine.Refer("u1", "r1");
        Assert.Equal(CommandResult.Ok, Buy(engine, "u1", 1000m, Lower));
        Assert.Equal("80.00", engine.Pool.ToString());                      // 8% instead of 16%
        Assert.Equal("56.0000", engine.Member("u1").Points.ToString());    // 0.08 · 0.70 · 1000 at 1.00
        Assert.Equal("3.00", engine.Member("r1").Cash.ToString());         // the configuration's direct reward
        Assert.Equal("17.00", engine.PlatformRevenue.ToString());          // 100 − 80 − 3 (the unspent budget included)
    }

    [Fact]
    public void RewardRates_MayBeOverriddenToo()
    {
        var engine = new ValuePoolEngine();
        engine.Refer("u1", "r1");
        Buy(engine, "u1", 1000m, Lower with { ReferralLevels = [Rate.Percent(1)] });
        Assert.Equal("10.00", engine.Member("r1").Cash.ToString());
    }

    [Theory]
    [InlineData(40, 16, 2)]  // commission above the 30% limit
    [InlineData(2, 1, 1)]    // below the 5% limit
    [InlineData(20, 19, 2)]  // pool + budget above the commission
    public void RatesOutsideTheLimits_AreRefused_AndChangeNothing(int commission, int pool, int budget)
    {
        var engine = new ValuePoolEngine();
        Assert.Equal(CommandResult.InvalidRates, Buy(engine, "u1", 1000m, new OrderRates(Rate.Percent(commission), Rate.Percent(pool), Rate.Percent(budget))));
        Assert.Null(engine.FindMember("u1"));
        Assert.Equal(0, engine.Orders);
    }

    [Fact]
    public void RewardsAboveTheProductsBudget_AreRefused() =>
        Assert.Equal(CommandResult.InvalidRates, Buy(new ValuePoolEngine(), "u1", 1000m, Lower with { ReferralLevels = [Rate.Percent(2)] }));

    [Fact]
    public void TheAudit_FlagsAProductPayingThreeLevels_AndOneOutsideTheLimits()
    {
        var deep = Lower with { DistributionBudget = Rate.Percent(2), PoolContribution = Rate.Percent(7), ReferralLevels = [Rate.Percent(0.3m), Rate.Percent(0.2m), Rate.Percent(0.1m)] };
        var findings = ComplianceAudit.Run(EngineConfig.Default, productRates: [("p1", deep), ("p2", new OrderRates(Rate.Percent(50), Rate.Percent(16), Rate.Percent(2)))]);
        Assert.Contains(findings, f => f.Code == "referral-depth:p1" && f.Severity == FindingSeverity.Risk);
        Assert.Contains(findings, f => f.Code == "product-rates:p2" && f.Message.Contains("between"));
        Assert.DoesNotContain(findings, f => f.Code == "product-rates:p1");
    }
}
