using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

public class PartnerTests
{
    private static CommandResult Settle(ValuePoolEngine engine, DateOnly from, DateOnly to) =>
        engine.Apply(new SettlePartners("s1", from, to, At(to)));

    private static CommandResult MakePartner(ValuePoolEngine engine, string member) => engine.Apply(new AddPartner("s1", member, At(Day)));

    [Fact]
    public void TheWeeksPool_Is15PercentOfNetRevenue_SplitEqually()
    {
        var engine = EngineWithStore();
        MakePartner(engine, "p1");
        MakePartner(engine, "p2");
        MakePartner(engine, "p3");
        engine.BuyAt("u1", 1_000m, Day);
        engine.BuyAt("u1", 1_000m, Day.AddDays(6));
        engine.BuyAt("u1", 1_000m, Day.AddDays(7)); // next week
        Assert.Equal(CommandResult.Ok, Settle(engine, Day, Day.AddDays(6)));
        // net 1600 → pool 240 → 80 each.
        Assert.Equal("80.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("80.00", engine.Member("p3").Cash.ToString());
    }

    [Fact]
    public void TheRemainderOfAnUnevenSplit_StaysWithTheStore()
    {
        var engine = EngineWithStore();
        MakePartner(engine, "p1");
        MakePartner(engine, "p2");
        MakePartner(engine, "p3");
        engine.BuyAt("u1", 100m, Day); // net 80 → pool 12.00 → 4.00 each; with 7 partners it would not divide
        MakePartner(engine, "p4");
        var before = engine.Store().Balance;
        Settle(engine, Day, Day);
        Assert.Equal("3.00", engine.Member("p4").Cash.ToString());
        Assert.Equal("12.00", (before - engine.Store().Balance).ToString());
    }

    [Fact]
    public void AWeightedSplit_FollowsSpendInThePeriod()
    {
        var engine = EngineWithStore(StoreTerms.Default with { PartnerSplit = PartnerSplit.Weighted });
        MakePartner(engine, "p1");
        MakePartner(engine, "p2");
        engine.BuyAt("p1", 300m, Day);
        engine.BuyAt("p2", 100m, Day);
        engine.BuyAt("p2", 5_000m, Day.AddDays(-1)); // outside the period: does not weigh
        Settle(engine, Day, Day);
        // net 320 → pool 48 → 3:1.
        Assert.Equal("36.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("12.00", engine.Member("p2").Cash.ToString());
    }

    [Fact]
    public void SpendingTheThreshold_MakesAMemberAPartner()
    {
        var engine = EngineWithStore(StoreTerms.Default with { PartnerSpend = Money.FromYuan(5_000m) });
        engine.BuyAt("u1", 4_999.99m, Day);
        Assert.Empty(engine.Store().Partners);
        engine.BuyAt("u1", 0.01m, Day);
        Assert.Equal(["u1"], engine.Store().Partners);
    }

    [Fact]
    public void SettlingTheSamePeriodAgain_ChangesNothing_AndAnOverlapIsRefused()
    {
        var engine = EngineWithStore();
        MakePartner(engine, "p1");
        engine.BuyAt("u1", 1_000m, Day);
        Settle(engine, Day, Day.AddDays(6));
        Assert.Equal(CommandResult.Ok, Settle(engine, Day, Day.AddDays(6)));
        Assert.Empty(engine.Ledger.CurrentTransaction);
        Assert.Equal(CommandResult.PeriodOverlaps, Settle(engine, Day.AddDays(6), Day.AddDays(12)));
        Assert.Equal(CommandResult.InvalidPeriod, Settle(engine, Day.AddDays(20), Day.AddDays(13)));
        Assert.Equal("120.00", engine.Member("p1").Cash.ToString());
    }

    [Fact]
    public void APartner_EarnsTheStoresRewardForEachNewMember()
    {
        var engine = EngineWithStore(StoreTerms.Default with { PartnerReferralReward = Money.FromYuan(10m) });
        MakePartner(engine, "p1");
        engine.Refer("new1", "p1");
        engine.Refer("new2", "p1");
        engine.Refer("new1", "p1"); // already bound: no second reward
        engine.BuyAt("u1", 100m, Day); // net 80.00
        Assert.Equal("20.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("60.00", engine.Store().Balance.ToString());
    }

    [Fact]
    public void ARewardTheStoresBalanceCannotCover_IsOwed_AndPaidFirstFromItsNextRevenue()
    {
        var engine = EngineWithStore(StoreTerms.Default with { PartnerReferralReward = Money.FromYuan(50m) });
        MakePartner(engine, "p1");
        engine.Refer("new1", "p1");
        engine.Refer("new2", "p1");
        // Nothing has been paid into the store: no cash is credited that nobody paid in (MODEL.md §8).
        Assert.Equal("0.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("100.00", engine.OwedTo("p1").ToString());
        Assert.Equal("0.00", engine.Store().Balance.ToString());

        engine.BuyAt("u1", 100m, Day); // net 80.00: all of it pays the oldest debt first, then part of the next
        Assert.Equal("80.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("20.00", engine.OwedTo("p1").ToString());
        Assert.Equal("0.00", engine.Store().Balance.ToString());

        engine.BuyAt("u1", 100m, Day);
        Assert.Equal("100.00", engine.Member("p1").Cash.ToString());
        Assert.Equal("0.00", engine.OwedTo("p1").ToString());
        Assert.Equal("60.00", engine.Store().Balance.ToString());
    }

    [Fact]
    public void APartnerReferralRewardAboveTheBound_IsRefused()
    {
        var engine = new ValuePoolEngine();
        var terms = StoreTerms.Default with { PartnerReferralReward = Money.FromYuan(1_000_000m) };
        Assert.Equal(CommandResult.InvalidTerms, engine.Apply(new RegisterStore("s1", "m1", null, new Region(["gd", "dg", "x"]), At(Day)) { Terms = terms }));
        Assert.Contains(TermProblems.Of(terms, engine.Config), p => p.Field == "partnerReferralReward");
        Assert.Null(engine.FindStore("s1"));
    }
}
