using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

public class ShareholderTests
{
    /// <summary>The seed's cap table: HQ 51%, the initiator 5% for ¥49,800, eleven at 4% for ¥32,800.</summary>
    private static ValuePoolEngine SeedCapTable()
    {
        var engine = EngineWithStore();
        Add(engine, "hq", 0.51m, 0m, false);
        Add(engine, "initiator", 0.05m, 49_800m, true);
        for (var i = 1; i <= 11; i++) Add(engine, $"holder{i:D2}", 0.04m, 32_800m, false);
        return engine;
    }

    private static CommandResult Add(ValuePoolEngine engine, string member, decimal share, decimal invested, bool initiator) =>
        engine.Apply(new AddShareholder("s1", member, Rate.FromDecimal(share), Money.FromYuan(invested), initiator, At(Day)));

    private static CommandResult Settle(ValuePoolEngine engine, DateOnly day) => engine.Apply(new SettleShareholders("s1", day, At(day)));

    [Fact]
    public void At5000ADay_TheInitiatorGets245_AndA4PercentHolder116()
    {
        var engine = SeedCapTable();
        engine.BuyAt("u1", 5_000m, Day);
        Assert.Equal(CommandResult.Ok, Settle(engine, Day));
        Assert.Equal("245.00", engine.Member("initiator").Cash.ToString());
        Assert.Equal("116.00", engine.Member("holder07").Cash.ToString());
        Assert.Equal("1479.00", engine.Member("hq").Cash.ToString());
    }

    [Fact]
    public void SettlingTheSameDayAgain_ChangesNothing()
    {
        var engine = SeedCapTable();
        engine.BuyAt("u1", 5_000m, Day);
        Settle(engine, Day);
        var balance = engine.Store().Balance;
        Assert.Equal(CommandResult.Ok, Settle(engine, Day));
        Assert.Equal(balance, engine.Store().Balance);
        Assert.Empty(engine.Ledger.CurrentTransaction);
        Assert.Equal("245.00", engine.Member("initiator").Cash.ToString());
    }

    [Fact]
    public void OnlyThatDaysRevenue_IsShared()
    {
        var engine = SeedCapTable();
        engine.BuyAt("u1", 5_000m, Day);
        engine.BuyAt("u1", 1_000m, Day.AddDays(1));
        Settle(engine, Day.AddDays(1));
        Assert.Equal("49.00", engine.Member("initiator").Cash.ToString()); // 1000·0.58·0.05 + 1000·0.02
    }

    [Fact]
    public void ACapTableAboveOne_IsRefused_AndSettlingNeedsExactlyOne()
    {
        var engine = EngineWithStore();
        Assert.Equal(CommandResult.Ok, Add(engine, "hq", 0.6m, 0m, false));
        Assert.Equal(CommandResult.SharesAboveOne, Add(engine, "x", 0.41m, 1m, false));
        Assert.Equal(CommandResult.SharesNotOne, Settle(engine, Day));
        Assert.Equal(CommandResult.Ok, Add(engine, "x", 0.4m, 1m, false));
        Assert.Equal(CommandResult.Ok, Settle(engine, Day));
    }

    [Fact]
    public void Dividends_MayPutTheStoreInDebt()
    {
        var engine = SeedCapTable();
        engine.BuyAt("u1", 5_000m, Day);
        Settle(engine, Day);
        // The store received 4000 (5000 − 20%) and paid 58% + 2% of 5000 = 3000: 1000 left.
        Assert.Equal("1000.00", engine.Store().Balance.ToString());
    }
}
