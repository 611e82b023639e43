using Microsoft.Extensions.Time.Testing;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Settlements;
using ValuePool.Core.Stores;
using ValuePool.Core.Tests.Stores;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Settlements;

public class SettlementCalendarTests
{
    // 2026-11-23 is a Monday.
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static ValuePoolEngine StoreWithHolderAndPartner(PartnerPeriod period)
    {
        var engine = EngineWithStore(StoreTerms.Default with { PartnerPeriod = period });
        engine.Apply(new AddShareholder("s1", "holder", Rate.One, Money.Zero, false, At(Monday)));
        engine.Apply(new AddPartner("s1", "partner", At(Monday)));
        return engine;
    }

    [Fact]
    public void EachClosedDay_PaysShareholders_AndSundayClosesTheWeek()
    {
        var engine = StoreWithHolderAndPartner(PartnerPeriod.Weekly);
        var time = new FakeTimeProvider(At(Monday));
        engine.BuyAt("u1", 1_000m, Monday);
        time.Advance(TimeSpan.FromDays(1));
        var lastClosed = RunDue(engine, Monday.AddDays(-1), time.GetUtcNow()).LastClosed;
        Assert.Equal("580.00", engine.Member("holder").Cash.ToString());
        Assert.Equal("0.00", engine.Member("partner").Cash.ToString());

        time.Advance(TimeSpan.FromDays(6)); // next Monday: Sunday closed the week
        lastClosed = RunDue(engine, lastClosed, time.GetUtcNow()).LastClosed;
        Assert.Equal("120.00", engine.Member("partner").Cash.ToString()); // 15% of 800
        Assert.Equal(Monday.AddDays(6), lastClosed);
    }

    [Fact]
    public void ARunAfterAPause_CatchesUp_AndARepeatedRunPaysNothingTwice()
    {
        var engine = StoreWithHolderAndPartner(PartnerPeriod.Monthly);
        var time = new FakeTimeProvider(At(Monday));
        engine.BuyAt("u1", 1_000m, Monday);
        engine.BuyAt("u1", 1_000m, new DateOnly(2026, 11, 30));
        time.SetUtcNow(At(new DateOnly(2026, 12, 3)));
        RunDue(engine, Monday.AddDays(-1), time.GetUtcNow());
        Assert.Equal("1160.00", engine.Member("holder").Cash.ToString());
        Assert.Equal("240.00", engine.Member("partner").Cash.ToString()); // November: 15% of 1600

        // A restarted clock that lost its place re-runs the same days: nothing is paid twice.
        var (results, _) = RunDue(engine, Monday.AddDays(-1), time.GetUtcNow());
        Assert.All(results, result => Assert.Equal(CommandResult.Ok, result));
        Assert.Equal("1160.00", engine.Member("holder").Cash.ToString());
        Assert.Equal("240.00", engine.Member("partner").Cash.ToString());
    }

    /// <summary>What the server's settlement runner does, on an engine: every closed day's settlements, in order.</summary>
    private static (List<CommandResult> Results, DateOnly LastClosed) RunDue(ValuePoolEngine engine, DateOnly lastClosed, DateTimeOffset now)
    {
        var results = new List<CommandResult>();
        foreach (var day in SettlementCalendar.DaysClosedAfter(lastClosed, now))
        {
            var stores = engine.StoreIdsOrdinal().Select(id => engine.FindStore(id)!).ToArray();
            results.AddRange(SettlementCalendar.ClosingWith(day, stores).Select(engine.Apply));
            lastClosed = day;
        }
        return (results, lastClosed);
    }

    [Fact]
    public void WithThePlatformDividendOn_AMonthEnd_SettlesTheMonthsDividend()
    {
        var monthEnd = SettlementCalendar.ClosingWith(new DateOnly(2026, 11, 30), [], platformDividendOn: true).OfType<SettlePlatformShareholders>();
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), Assert.Single(monthEnd) is var s ? (s.From, s.To) : default);
        Assert.Empty(SettlementCalendar.ClosingWith(new DateOnly(2026, 11, 29), [], platformDividendOn: true).OfType<SettlePlatformShareholders>());
        Assert.Empty(SettlementCalendar.ClosingWith(new DateOnly(2026, 11, 30), []).OfType<SettlePlatformShareholders>());
    }

    [Theory]
    [InlineData("2026-11-29", PartnerPeriod.Weekly, "2026-11-23")]
    [InlineData("2026-11-28", PartnerPeriod.Weekly, null)]
    [InlineData("2026-11-30", PartnerPeriod.Monthly, "2026-11-01")]
    [InlineData("2028-02-29", PartnerPeriod.Monthly, "2028-02-01")]
    [InlineData("2026-12-30", PartnerPeriod.Monthly, null)]
    public void PartnerPeriods_EndOnSundaysOrMonthEnds(string day, PartnerPeriod period, string? from) =>
        Assert.Equal(from is null ? null : DateOnly.Parse(from), SettlementCalendar.PartnerPeriodEndingOn(DateOnly.Parse(day), period));
}
