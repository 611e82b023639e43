using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using static ValuePool.Core.Tests.Modes.ModeFixture;

namespace ValuePool.Core.Tests.Modes;

/// <summary>MODEL.md §3b's platform shareholders' weighted dividend: 1% of the period's platform revenue to the top level.</summary>
public class PlatformShareholderDividendTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);
    private static DateTimeOffset On(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static CommandResult Settle(ValuePoolEngine engine, DateOnly from, DateOnly to) =>
        engine.Apply(new SettlePlatformShareholders(from, to, On(to.AddDays(1))));

    /// <summary>x spends ¥20,000 and y ¥60,000 on Nov 1 (both reach V3), z ¥1,000 on Nov 9; platform products, no referrers.</summary>
    private static ValuePoolEngine TwoAtTheTop(ModeSettlement settlement)
    {
        var engine = new ValuePoolEngine(WithModes(dividend: settlement));
        engine.Buy("x", 20_000m, at: On(Nov1));
        engine.Buy("y", 60_000m, at: On(Nov1));
        engine.Buy("z", 1_000m, at: On(Nov1.AddDays(8)));
        return engine;
    }

    [Fact]
    public void TheTopLevel_SharesTheDividend_ByTeamSpendAddedInThePeriod()
    {
        // Each order leaves 4% of it to the platform (no rewards): R = ¥3,200 on Nov 1–7, pool ¥32, split 1 : 3.
        var engine = TwoAtTheTop(ModeSettlement.Wallet);
        var revenue = engine.PlatformRevenue;
        var cash = (engine.Member("x").Cash, engine.Member("y").Cash);
        Assert.Equal(CommandResult.Ok, Settle(engine, Nov1, Nov1.AddDays(6)));
        Assert.Equal(["x:PlatformShareholderDividend:8.00", "y:PlatformShareholderDividend:24.00"], engine.ModeRewards());
        Assert.Equal(revenue - Money.FromYuan(32), engine.PlatformRevenue);
        Assert.Equal((cash.Item1 + Money.FromYuan(8), cash.Item2 + Money.FromYuan(24)), (engine.Member("x").Cash, engine.Member("y").Cash));
    }

    [Fact]
    public void NoTeamSpendInThePeriod_SplitsEqually_AndOfflineMovesNothing()
    {
        // Nov 8–14 has only z's order (¥40 of revenue, pool ¥0.40), and neither x nor y added team spend: ¥0.20 each.
        var engine = TwoAtTheTop(ModeSettlement.Offline);
        var revenue = engine.PlatformRevenue;
        Assert.Equal(CommandResult.Ok, Settle(engine, Nov1.AddDays(7), Nov1.AddDays(13)));
        Assert.Equal(["x:PlatformShareholderDividend:0.20", "y:PlatformShareholderDividend:0.20"], engine.ModeRewards());
        Assert.Empty(engine.Outcome.Transfers);
        Assert.Equal(revenue, engine.PlatformRevenue);
        Assert.Equal(Money.FromYuan(0.20m), engine.Member("y").Offline);
    }

    [Fact]
    public void AnEmptyTopLevel_GetsNothing()
    {
        var engine = new ValuePoolEngine(WithModes(dividend: ModeSettlement.Wallet));
        engine.Buy("x", 5_000m, at: On(Nov1));
        var revenue = engine.PlatformRevenue;
        Assert.Equal(CommandResult.Ok, Settle(engine, Nov1, Nov1));
        Assert.Empty(engine.Outcome.ModeRewards);
        Assert.Equal(revenue, engine.PlatformRevenue);
    }

    [Fact]
    public void TheSamePeriodTwice_ChangesNothing_AndAnOverlappingOne_IsRefused()
    {
        var engine = TwoAtTheTop(ModeSettlement.Offline);
        Settle(engine, Nov1, Nov1.AddDays(6));
        var offline = engine.Member("y").Offline;
        Assert.Equal(CommandResult.Ok, Settle(engine, Nov1, Nov1.AddDays(6)));
        Assert.Empty(engine.Outcome.ModeRewards);
        Assert.Equal(offline, engine.Member("y").Offline);
        Assert.Equal(CommandResult.DividendPeriodOverlaps, Settle(engine, Nov1.AddDays(6), Nov1.AddDays(10)));
        Assert.Equal(CommandResult.InvalidPeriod, Settle(engine, Nov1.AddDays(10), Nov1.AddDays(9)));
        Assert.Equal(offline, engine.Member("y").Offline);
    }

    [Fact]
    public void SettlingWhileTheModeIsOff_ChangesNothing()
    {
        var engine = new ValuePoolEngine(WithModes());
        engine.Buy("x", 50_000m, at: On(Nov1));
        Assert.Equal(CommandResult.Ok, Settle(engine, Nov1, Nov1));
        Assert.Empty(engine.Outcome.ModeRewards);
        Assert.Empty(engine.Outcome.Transfers);
    }

    [Fact]
    public void TheModeState_SurvivesASnapshot()
    {
        var engine = TwoAtTheTop(ModeSettlement.Offline);
        engine.Refer("z", "x");
        engine.Buy("z", 3_000m, at: On(Nov1));
        Settle(engine, Nov1, Nov1.AddDays(6));
        var bytes = StateBytes(engine);
        var restored = ValuePoolEngine.ReadState(new BinaryReader(new MemoryStream(bytes)), engine.Config);
        Assert.Equal(bytes, StateBytes(restored));
        Assert.Equal(engine.Member("x"), restored.Member("x"));
        Assert.Equal(CommandResult.Ok, Settle(restored, Nov1, Nov1.AddDays(6)));
        Assert.Empty(restored.Outcome.ModeRewards);
    }

    private static byte[] StateBytes(ValuePoolEngine engine)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) engine.WriteState(writer);
        return buffer.ToArray();
    }
}
