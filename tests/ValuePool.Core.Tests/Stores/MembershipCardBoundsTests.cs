using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

/// <summary>MODEL.md §8's bounds on a card's terms: each refused, naming its field, before it can do harm.</summary>
public class MembershipCardBoundsTests
{
    private static readonly MembershipCardTerms Sound = new() { Price = Money.FromYuan(99m), ValidDays = 365 };

    public static TheoryData<string, MembershipCardTerms> OutOfBounds => new()
    {
        // Issue 10, finding 1: a validity this long once made DateOnly.AddDays throw inside the engine at checkout.
        { "validDays", Sound with { ValidDays = int.MaxValue } },
        { "validDays", Sound with { ValidDays = 3651 } },
        { "freeItemDays", Sound with { FreeItemDays = int.MaxValue } },
        { "freeItemDays", Sound with { FreeItemDays = 366 } },
        // Finding 3: a ¥0.01 card granting a million shopping points.
        { "openingShoppingPoints", new MembershipCardTerms { Price = new Money(1), OpeningShoppingPoints = ShoppingPoints.FromValue(1_000_000m) } },
        { "openingShoppingPoints", Sound with { OpeningShoppingPoints = new ShoppingPoints(3 * 9_900 + 1) } },
        { "price", Sound with { Price = Money.FromYuan(100_000.01m) } },
        { "price", Sound with { Price = Money.Zero } },
        { "discount", Sound with { Discount = Rate.FromDecimal(0.51m) } },
        { "sellerReward", Sound with { SellerReward = Money.FromYuan(99.01m) } },
        { "dailySpecialPrice", Sound with { DailySpecialPrice = Money.Zero } },
    };

    [Theory, MemberData(nameof(OutOfBounds))]
    public void ATermOutOfBounds_IsRefused_NamingItsField(string field, MembershipCardTerms terms)
    {
        var engine = EngineWithStore();
        var before = engine.StateDigest();
        Assert.Equal(CommandResult.InvalidTerms, engine.Apply(new DefineCard("s1", "card", terms, At(Day))));
        Assert.Equal(before, engine.StateDigest());
        Assert.Contains(TermProblems.Of(terms, engine.Config), problem => problem.Field == field);
    }

    [Fact]
    public void AProblem_CarriesTheConfiguredBound_ItsMessageNames()
    {
        var engine = EngineWithStore();
        var problem = Assert.Single(TermProblems.Of(Sound with { Discount = Rate.FromDecimal(0.51m) }, engine.Config));
        Assert.Equal(engine.Config.CardDiscountMax.ToString(), problem.Bound);
        Assert.EndsWith(problem.Bound, problem.Problem);
        Assert.Equal("", Assert.Single(TermProblems.Of(Sound with { SellerReward = Money.FromYuan(99.01m) }, engine.Config)).Bound);
    }

    [Fact]
    public void TermsAtTheirBounds_AreAccepted()
    {
        var engine = EngineWithStore();
        var atBounds = new MembershipCardTerms
        {
            Price = Money.FromYuan(100_000m), ValidDays = 3650, FreeItemDays = 3650, Discount = Rate.FromDecimal(0.5m),
            OpeningShoppingPoints = ShoppingPoints.FromValue(300_000m), SellerReward = Money.FromYuan(100_000m),
        };
        Assert.Empty(TermProblems.Of(atBounds, engine.Config));
        Assert.Equal(CommandResult.Ok, engine.Apply(new DefineCard("s1", "card", atBounds, At(Day))));
    }

    [Fact]
    public void ACardBoughtOnTheCalendarsLastDays_StillChecksOutWithoutThrowing()
    {
        var engine = EngineWithStore();
        engine.Apply(new DefineCard("s1", "card", Sound with { FreeItemDays = 365 }, At(Day)));
        var last = DateOnly.MaxValue;
        Assert.Equal(CommandResult.Ok, engine.Apply(new BuyCard("u1", "card", null, At(last))));
        Assert.Equal(CommandResult.Ok, engine.BuyAt("u1", 10m, last, benefit: CheckoutBenefit.FreeItem));
    }
}
