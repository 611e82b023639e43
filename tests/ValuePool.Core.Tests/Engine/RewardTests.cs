using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Engine;

/// <summary>Distribution rewards (MODEL.md §3) on a ¥1000 order: budget ¥20.</summary>
public class RewardTests
{
    private static ValuePoolEngine WithStore(string? recruiter = "p1")
    {
        var engine = new ValuePoolEngine();
        engine.OpenStore("s1", "owner", recruiter);
        return engine;
    }

    [Fact]
    public void DirectAndIndirectReferrers_EarnAtAnyStore()
    {
        var engine = WithStore(recruiter: null);
        engine.Refer("u1", "r1");
        engine.Refer("r1", "r2");
        engine.Refer("r2", "r3");
        engine.Buy("u1", 1000m, "s1");
        Assert.Equal("3.00", engine.Member("r1").Cash.ToString());
        Assert.Equal("2.00", engine.Member("r2").Cash.ToString());
        Assert.Equal("0.00", engine.Member("r3").Cash.ToString()); // two levels only
    }

    [Fact]
    public void Recruiter_EarnsHalfAPercentOfTheStoresOrders()
    {
        var engine = WithStore();
        engine.Buy("u1", 1000m, "s1");
        Assert.Equal("5.00", engine.Member("p1").Cash.ToString());
    }

    [Fact]
    public void PlatformProducts_PayNoRecruiterOrAgent()
    {
        var engine = WithStore();
        engine.Apply(new AppointAgent("a1", AgentLevel.Province, new Region(["gd"]), Orders.Day1));
        engine.Buy("u1", 1000m);
        Assert.Equal("0.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("0.00", engine.Member("a1").Cash.ToString());
    }

    [Fact]
    public void AgentsEarnTheDifferential()
    {
        var engine = WithStore();
        engine.Apply(new AppointAgent("d", AgentLevel.District, new Region(["gd", "dg", "songshan"]), Orders.Day1));
        engine.Apply(new AppointAgent("c", AgentLevel.City, new Region(["gd", "dg"]), Orders.Day1));
        engine.Apply(new AppointAgent("p", AgentLevel.Province, new Region(["gd"]), Orders.Day1));
        engine.Buy("u1", 1000m, "s1");
        Assert.Equal("1.00", engine.Member("d").Cash.ToString());
        Assert.Equal("1.00", engine.Member("c").Cash.ToString());
        Assert.Equal("1.00", engine.Member("p").Cash.ToString());
    }

    [Fact]
    public void AMissingLowerLevel_LeavesItsShareToTheNextOneUp()
    {
        var engine = WithStore();
        engine.Apply(new AppointAgent("c", AgentLevel.City, new Region(["gd", "dg"]), Orders.Day1));
        engine.Buy("u1", 1000m, "s1");
        Assert.Equal("2.00", engine.Member("c").Cash.ToString());
    }

    [Fact]
    public void AgentsOfOtherRegions_EarnNothing()
    {
        var engine = WithStore();
        engine.Apply(new AppointAgent("c", AgentLevel.City, new Region(["gd", "gz"]), Orders.Day1));
        engine.Buy("u1", 1000m, "s1");
        Assert.Equal("0.00", engine.Member("c").Cash.ToString());
    }

    [Fact]
    public void UnspentBudget_GoesToThePlatform()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m); // no referrer, no store: the whole ¥20 budget is unspent
        // commission 200 − pool 160 = 40: profit 20 + unspent budget 20.
        Assert.Equal("40.00", engine.PlatformRevenue.ToString());
    }

    [Fact]
    public void TheLastRewardIsCut_ToWhatIsLeftOfTheBudget()
    {
        var config = EngineConfig.Default with
        {
            ReferralLevels = [Rate.Percent(1m), Rate.Percent(0.5m)],
            RecruiterReward = Rate.Percent(0.5m),
            DistrictAgent = Rate.Zero, CityAgent = Rate.Zero, ProvinceAgent = Rate.Zero,
        };
        var engine = new ValuePoolEngine(config);
        engine.OpenStore("s1", "owner", "p1");
        engine.Refer("u1", "r1");
        engine.Refer("r1", "r2");
        engine.Buy("u1", 1000.10m, "s1");
        // budget floor2(0.02·1000.10) = 20.00; rewards 10.00 + 5.00 + floor2(0.005·1000.10)=5.00 → 20.00 exactly.
        Assert.Equal("10.00", engine.Member("r1").Cash.ToString());
        Assert.Equal("5.00", engine.Member("r2").Cash.ToString());
        Assert.Equal("5.00", engine.Member("p1").Cash.ToString());
    }

    [Fact]
    public void ConfigurationWhoseRewardsCouldExceedTheBudget_IsRefused()
    {
        var config = EngineConfig.Default with { RecruiterReward = Rate.Percent(1.5m) };
        var problems = ConfigValidation.Problems(config);
        Assert.Contains(problems, p => p.Contains("distribution budget"));
        Assert.Throws<ArgumentException>(() => new ValuePoolEngine(config));
    }

    [Fact]
    public void OddAmounts_SplitWithoutLosingAFen()
    {
        var engine = WithStore();
        engine.Refer("u1", "r1");
        engine.Buy("u1", 33.33m, "s1");
        // store 33.33 − floor2(6.666) = 26.67; pool floor2(5.3328) = 5.33; r1 floor2(0.09999) = 0.09; p1 floor2(0.16665) = 0.16.
        Assert.Equal("5.33", engine.Pool.ToString());
        Assert.Equal("0.09", engine.Member("r1").Cash.ToString());
        Assert.Equal("0.16", engine.Member("p1").Cash.ToString());
        Assert.Equal("1.08", engine.PlatformRevenue.ToString()); // 6.66 − 5.33 − 0.25
        Assert.Equal(0, engine.Ledger.Total(Core.Ledger.Asset.Money));
    }
}
