using CsCheck;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;
using ValuePool.Core.Tests.Stores;

namespace ValuePool.Core.Tests.Properties;

/// <summary>
/// MODEL.md §8: the engine answers every input with a result and never throws; a refusal changes nothing.
/// Every command type is driven with extreme values: zero, negative, the limits of int and long, far dates,
/// empty, NUL and 1 MB strings, undefined enum values, and rates far outside any configuration.
/// </summary>
public class HostileInputProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gen<string?> Ids = Gen.OneOf<string?>(null, "", "\0", "m0", "m1", "s0", "c0", "w0", new string('x', 1 << 20),
        new string('y', ValuePoolEngine.IdLengthMax + 1));
    private static readonly Gen<long> Longs = Gen.OneOf(Gen.OneOf(long.MinValue, -1L, 0L, 1L, 99L, 100_000_000L, 100_000_001L,
        AmountText.MoneyMax.Fen, long.MaxValue / 2, long.MaxValue), Gen.Long);
    private static readonly Gen<int> Ints = Gen.OneOf(Gen.OneOf(int.MinValue, -1, 0, 1, 3650, 3651, int.MaxValue), Gen.Int);
    private static readonly Gen<DateOnly> Days = Gen.OneOf(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2026, 11, 24), new DateOnly(1, 1, 2));
    private static readonly Gen<DateTimeOffset> Times = Gen.OneOf(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Now);
    private static readonly Gen<Money> Amounts = Longs.Select(fen => new Money(fen));
    private static readonly Gen<Rate> Rates = Longs.Select(ppm => new Rate(ppm));
    private static readonly Gen<Region?> Regions = Gen.OneOf<Region?>(null, new Region(["gd"]), new Region(["gd", "dg", "songshan"]),
        new Region(["gd", "dg", new string('r', 1 << 20)]));

    private static readonly Gen<MembershipCardTerms?> CardTerms = Gen.Select(Amounts, Rates, Longs, Amounts, Ints, Ints, Gen.Bool,
        (price, discount, opening, reward, valid, free, special) => (MembershipCardTerms?)new MembershipCardTerms
        {
            Price = price, Discount = discount, OpeningShoppingPoints = new ShoppingPoints(opening), SellerReward = reward,
            ValidDays = valid, FreeItemDays = free, DailySpecialPrice = special ? price : null,
        });

    private static readonly Gen<StoreTerms?> StoreTermsGen = Gen.Select(Rates, Amounts, Ints, Amounts, (rate, spend, choice, reward) =>
        (StoreTerms?)new StoreTerms
        {
            ShoppingPointsRate = rate, PartnerSpend = spend, PartnerSplit = (PartnerSplit)choice, PartnerPeriod = (PartnerPeriod)(choice / 2),
            PartnerReferralReward = reward,
        });

    private static readonly Gen<EngineConfig?> Configs = Gen.Select(Rates, Rates, Ints, Amounts, (rate, other, days, amount) =>
        (EngineConfig?)(EngineConfig.Default with
        {
            Commission = rate, PoolContribution = other, ExitMultiple = rate, ReferralLevels = [rate, other], ShoppingPointsExpiryDays = days,
            BindingLapseDays = days, AmountMax = amount, CardValidDaysMax = days,
        }));

    private static readonly Gen<Command?> Commands = Gen.OneOf<Command?>(
        Gen.Select(Ids, Ids, Amounts, Times, Gen.Int[0, 5], Gen.Int[0, 5], (m, s, a, t, pay, benefit) =>
            (Command?)new Consume(m!, s, a, t) { Payment = (OrderPayment)pay, Benefit = (CheckoutBenefit)benefit }),
        Gen.Select(Ids, Amounts, Rates, Rates, (m, a, c, p) => (Command?)new Consume(m!, "s0", a, Now) { Rates = new OrderRates(c, p, c) }),
        Gen.Select(Ids, Longs, Times, (m, q, t) => (Command?)new Sell(m!, new Points(q), t)),
        Gen.Select(Amounts, Ids, (a, source) => (Command?)new Subsidy(a, source!, Now)),
        Gen.Select(Ids, Ids, Ids, Regions, StoreTermsGen, (id, owner, recruiter, region, terms) =>
            (Command?)new RegisterStore(id!, owner!, recruiter, region!, Now) { Terms = terms! }),
        Gen.Select(Ids, Ints, Regions, (m, level, region) => (Command?)new AppointAgent(m!, (AgentLevel)level, region!, Now)),
        Gen.Select(Ids, Ids, Times, (m, r, t) => (Command?)new Bind(m!, r!, t)),
        Gen.Select(Configs, Times, (c, t) => (Command?)new Configure(c!, t)),
        Gen.Select(Ids, Amounts, Longs, (m, a, sp) => (Command?)new BuyWithShoppingPoints(m!, a, new ShoppingPoints(sp), Now)),
        Gen.Select(Days, Times, (d, t) => (Command?)new ExpireShoppingPoints(d, t)),
        Gen.Select(Ids, Ids, (s, m) => (Command?)new AddPartner(s!, m!, Now)),
        Gen.Select(Ids, Ids, Rates, Amounts, Gen.Bool, (s, m, share, invested, collected) =>
            (Command?)new AddShareholder(s!, m!, share, invested, collected, Now) { Collected = collected }),
        Gen.Select(Ids, Days, (s, d) => (Command?)new SettleShareholders(s!, d, Now)),
        Gen.Select(Ids, Days, Days, (s, from, to) => (Command?)new SettlePartners(s!, from, to, Now)),
        Gen.Select(Ids, Ids, CardTerms, (s, c, terms) => (Command?)new DefineCard(s!, c!, terms!, Now)),
        Gen.Select(Ids, Ids, Ids, Times, (m, c, seller, t) => (Command?)new BuyCard(m!, c!, seller, t)),
        Gen.Select(Ids, Ids, Amounts, (m, id, a) => (Command?)new RequestWithdrawal(m!, id!, a, Now)),
        Gen.Select(Ids, Gen.Bool, (id, approve) => (Command?)new ReviewWithdrawal(id!, approve, Now)),
        Gen.Select(Ids, Amounts, (s, a) => (Command?)new TopUpDeposit(s!, a, Now)),
        Gen.Select(Ids, Ids, Ids, Amounts, (s, m, id, a) => (Command?)new RequestStorePayout(s!, m!, id!, a, Now)),
        Gen.Int[0, 0].Select(_ => (Command?)null));

    /// <summary>A platform with a store, a card, members holding points, cash, shopping points and a pending withdrawal.</summary>
    private static ValuePoolEngine Populated()
    {
        var engine = new ValuePoolEngine();
        CommandResult[] setup =
        [
            engine.Apply(new RegisterStore("s0", "m0", "m1", new Region(["gd", "dg", "songshan"]), Now)),
            engine.Apply(new DefineCard("s0", "c0", new MembershipCardTerms { Price = Money.FromYuan(99m), FreeItemDays = 30 }, Now)),
            engine.Apply(new Bind("m1", "m0", Now)),
            engine.Apply(new BuyCard("m1", "c0", null, Now)),
            engine.Apply(new Consume("m1", "s0", Money.FromYuan(5_000m), Now)),
            engine.Apply(new TopUpDeposit("s0", Money.FromYuan(100m), Now)),
            engine.Apply(new Sell("m1", Points.FromValue(10m), Now)),
            engine.Apply(new RequestWithdrawal("m1", "w0", Money.FromYuan(10m), Now)),
        ];
        Assert.All(setup, result => Assert.Equal(CommandResult.Ok, result));
        return engine;
    }

    [Fact]
    public void NoCommandThrows_ARefusalChangesNothing_AndAnAcceptedOneKeepsTheLedgerSound() =>
        Commands.Array[1, 6].Sample(commands =>
        {
            var engine = Populated();
            foreach (var command in commands)
            {
                var before = engine.StateDigest();
                var result = engine.Apply(command!);
                if (!result.IsAccepted()) Assert.Equal(before, engine.StateDigest());
                Assert.Equal(0, engine.Ledger.Total(Asset.Money));
                Assert.True(Solvency.Of(engine.Ledger).Holds, $"{command}: {Solvency.Of(engine.Ledger)}");
            }
        }, iter: 3_000);

    public static TheoryData<string, Command?> OneExtremeField => new()
    {
        { "no command", null },
        { "a 29-digit-sized amount", new Consume("m1", "s0", new Money(long.MaxValue), Now) },
        { "an amount above amountMax", new Consume("m1", "s0", Money.FromYuan(1_000_000.01m), Now) },
        { "a negative amount", new Consume("m1", "s0", new Money(-1), Now) },
        { "a 1 MB member id", new Consume(new string('x', 1 << 20), "s0", Money.FromYuan(1m), Now) },
        { "an undefined payment", new Consume("m1", "s0", Money.FromYuan(1m), Now) { Payment = (OrderPayment)9 } },
        { "an undefined benefit", new Consume("m1", "s0", Money.FromYuan(1m), Now) { Benefit = (CheckoutBenefit)9 } },
        { "rates of long.MaxValue", new Consume("m1", "s0", Money.FromYuan(1m), Now) { Rates = new OrderRates(new Rate(long.MaxValue), new Rate(long.MaxValue), Rate.Zero) } },
        { "a sale of long.MaxValue points", new Sell("m1", new Points(long.MaxValue), Now) },
        { "a sale of negative points", new Sell("m1", new Points(-1), Now) },
        { "a subsidy of long.MaxValue", new Subsidy(new Money(long.MaxValue), "x", Now) },
        { "a subsidy without a source", new Subsidy(Money.FromYuan(1m), null!, Now) },
        { "a store without a region", new RegisterStore("s9", "m0", null, null!, Now) },
        { "a store without terms", new RegisterStore("s9", "m0", null, new Region(["gd", "dg", "x"]), Now) { Terms = null! } },
        { "a shopping-points rate of 1000", new RegisterStore("s9", "m0", null, new Region(["gd", "dg", "x"]), Now) { Terms = StoreTerms.Default with { ShoppingPointsRate = Rate.FromDecimal(1000m) } } },
        { "an undefined agent level", new AppointAgent("m0", (AgentLevel)77, new Region(["gd"]), Now) },
        { "a binding to nobody", new Bind("m1", null!, Now) },
        { "a configuration of extreme rates", new Configure(EngineConfig.Default with { Commission = new Rate(long.MaxValue), PlatformProfit = new Rate(long.MaxValue) }, Now) },
        { "a null configuration", new Configure(null!, Now) },
        { "a purchase with long.MaxValue shopping points", new BuyWithShoppingPoints("m1", Money.FromYuan(1m), new ShoppingPoints(long.MaxValue), Now) },
        { "a share of long.MaxValue", new AddShareholder("s0", "m2", new Rate(long.MaxValue), Money.Zero, false, Now) },
        { "an investment above amountMax", new AddShareholder("s0", "m2", Rate.FromDecimal(0.1m), new Money(long.MaxValue), false, Now) { Collected = true } },
        { "settling an unknown store", new SettleShareholders(null!, DateOnly.MaxValue, Now) },
        { "a card valid for int.MaxValue days", new DefineCard("s0", "c9", new MembershipCardTerms { Price = Money.FromYuan(1m), ValidDays = int.MaxValue }, Now) },
        { "a card with null terms", new DefineCard("s0", "c9", null!, Now) },
        { "a card nobody defined", new BuyCard("m1", null!, null, Now) },
        { "a withdrawal of long.MaxValue", new RequestWithdrawal("m1", "w9", new Money(long.MaxValue), Now) },
        { "reviewing a null id", new ReviewWithdrawal(null!, true, Now) },
        { "returning a null id", new ReturnFailedPayout(null!, Now) },
        { "a top-up of long.MinValue", new TopUpDeposit("s0", new Money(long.MinValue), Now) },
        { "a store payout above its balance", new RequestStorePayout("s0", "m0", "w9", new Money(long.MaxValue), Now) },
    };

    [Theory, MemberData(nameof(OneExtremeField))]
    public void AnExtremeField_IsRefused_AndChangesNothing(string what, Command? command)
    {
        var engine = Populated();
        var before = engine.StateDigest();
        var result = engine.Apply(command!);
        Assert.False(result.IsAccepted(), $"{what} was accepted");
        Assert.Equal(before, engine.StateDigest());
    }

    [Fact]
    public void ExpiringOrSettlingAtTheCalendarsEdges_DoesNotThrow()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { ShoppingPointsExpiryDays = 30 });
        engine.Apply(new RegisterStore("s0", "m0", null, new Region(["gd", "dg", "x"]), Now) { Terms = StoreTerms.Default with { PartnerSplit = PartnerSplit.Weighted } });
        engine.Apply(new AddPartner("s0", "m1", Now));
        Assert.Equal(CommandResult.Ok, engine.Apply(new ExpireShoppingPoints(DateOnly.MinValue, Now)));
        Assert.Equal(CommandResult.Ok, engine.Apply(new ExpireShoppingPoints(DateOnly.MaxValue, Now)));
        Assert.Equal(CommandResult.Ok, engine.Apply(new SettlePartners("s0", DateOnly.MinValue, DateOnly.MaxValue, Now)));
    }
}
