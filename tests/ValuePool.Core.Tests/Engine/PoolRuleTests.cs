using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Engine;

public class PoolRuleTests
{
    [Fact]
    public void SellingMorePointsThanHeld_IsRefusedAndChangesNothing()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        var pool = engine.Pool;
        Assert.Equal(CommandResult.InsufficientPoints, engine.SellPoints("u1", 112.0001m));
        Assert.Equal(CommandResult.InsufficientPoints, engine.SellPoints("nobody", 1m));
        Assert.Equal(pool, engine.Pool);
        Assert.Equal("112.0000", engine.Member("u1").Points.ToString());
        Assert.Null(engine.FindMember("nobody"));
    }

    [Fact]
    public void TheCycle_CountsConsumptionAndRealizedSales_AndMemberIdAtNamesTheAccountOwner()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        var priceAtSale = engine.Price;
        engine.SellPoints("u1", 10m);
        var member = engine.Member("u1");
        Assert.Equal(Money.FromYuan(1000), member.CycleConsumed);
        Assert.Equal(priceAtSale.ValueOf(Points.FromValue(10m)), member.CycleRealized);
        Assert.Equal("u1", engine.MemberIdAt(0));
    }

    [Fact]
    public void ASale_RaisesThePrice()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        engine.Buy("u2", 1000m);
        var before = engine.Price;
        engine.SellPoints("u1", 50m);
        Assert.True(engine.Price > before);
    }

    [Fact]
    public void ASubsidy_RaisesThePriceAndMintsNothing()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        var points = engine.CirculatingPoints;
        engine.Apply(new Subsidy(Orders.Yuan(100m), "A round", Orders.Day1));
        Assert.Equal(points, engine.CirculatingPoints);
        Assert.Equal("260.00", engine.Pool.ToString());
    }

    [Fact]
    public void WhenNoPointsCirculate_ThePriceIsTheLastPrice()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) });
        engine.Buy("u1", 1000m);
        var last = engine.Price;
        engine.SellPoints("u1", 112m);
        Assert.Equal(Points.Zero, engine.CirculatingPoints);
        Assert.Equal((16000, 1_120_000), (engine.Price.PoolFen, engine.Price.PointsUnits));
        Assert.Equal(last, engine.Price);
        engine.Buy("u2", 1000m);
        Assert.Equal("78.4000", engine.Member("u2").Points.ToString()); // ⌊11200 · 1,120,000 / 16,000⌋: the last fraction, not pool / 0
    }

    [Fact]
    public void TwoTimesExit_WaitsLongerThanOnePointTwo()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) });
        for (var order = 1; order <= 1137; order++) engine.Buy($"m{order:D5}", 1000m);
        Assert.Equal(0, engine.Member("m00001").Exits);
    }

    [Fact]
    public void AfterAnExit_ConsumingAgainStartsANewCycle()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        engine.Apply(new Subsidy(Orders.Yuan(1040m), "A round", Orders.Day1));
        Assert.Equal(1, engine.Member("u1").Exits);
        engine.Buy("u1", 1000m);
        var member = engine.Member("u1");
        Assert.True(member.Points > Points.Zero);
        Assert.Equal("2000.00", member.Consumed.ToString());
    }

    [Fact]
    public void ExitsCascade_LowestExitPriceFirst()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("early", 1000m);
        engine.Buy("late", 1000m);
        // A large subsidy makes both due; both exit, the earlier (cheaper exit price) first.
        engine.Apply(new Subsidy(Orders.Yuan(100_000m), "B round", Orders.Day1));
        Assert.Equal(1, engine.Member("early").Exits);
        Assert.Equal(1, engine.Member("late").Exits);
        // The second forced sale ran at the price the first one raised: more cash per point.
        Assert.True(engine.Member("late").Cash.Yuan / 78.4m > engine.Member("early").Cash.Yuan / 112m);
        Assert.Equal(0, engine.MembersAwaitingExit);
    }

    [Fact]
    public void ConfigAfterTheFirstOrder_IsRefused()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        var result = engine.Apply(new Configure(EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) }, Orders.Day1));
        Assert.Equal(CommandResult.ConfigAfterFirstOrder, result);
        Assert.Equal(Rate.FromDecimal(1.2m), engine.Config.ExitMultiple);
    }

    [Fact]
    public void StoresAndAgents_AreValidated()
    {
        var engine = new ValuePoolEngine();
        Assert.Equal(CommandResult.Ok, engine.OpenStore("s1", "o"));
        Assert.Equal(CommandResult.DuplicateStore, engine.OpenStore("s1", "o"));
        Assert.Equal(CommandResult.StoreRegionIncomplete, engine.OpenStore("s2", "o", null, "gd", "dg"));
        Assert.Equal(CommandResult.UnknownStore, engine.Buy("u1", 10m, "nope"));
        Assert.Equal(CommandResult.Ok, engine.Apply(new AppointAgent("a", AgentLevel.City, new Region(["gd", "dg"]), Orders.Day1)));
        Assert.Equal(CommandResult.RegionTaken, engine.Apply(new AppointAgent("b", AgentLevel.City, new Region(["gd", "dg"]), Orders.Day1)));
        Assert.Equal(CommandResult.RegionLevelMismatch, engine.Apply(new AppointAgent("b", AgentLevel.District, new Region(["gd", "dg"]), Orders.Day1)));
        Assert.Null(engine.FindMember("b"));
        Assert.Null(engine.FindMember("u1"));
    }

    [Fact]
    public void AnAgentsFee_IsPlatformRevenue()
    {
        var engine = new ValuePoolEngine();
        engine.Apply(new AppointAgent("a", AgentLevel.District, new Region(["gd", "dg", "songshan"]), Orders.Day1));
        Assert.Equal("50000.00", engine.PlatformRevenue.ToString());
    }
}
