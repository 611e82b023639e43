using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

public class MembershipCardTests
{
    private static readonly MembershipCardTerms Coffee = new()
    {
        Price = Money.FromYuan(299m),
        Discount = Rate.FromDecimal(0.22m), // 7.8折
        OpeningShoppingPoints = ShoppingPoints.FromValue(500m),
        SellerReward = Money.FromYuan(30m),
        ValidDays = 365,
        DailySpecialPrice = Money.FromYuan(9.9m),
        FreeItemDays = 90,
    };

    private static ValuePoolEngine WithCard()
    {
        var engine = EngineWithStore();
        Assert.Equal(CommandResult.Ok, engine.Apply(new DefineCard("s1", "coffee", Coffee, At(Day))));
        return engine;
    }

    [Fact]
    public void BuyingACard_PaysTheStore_RewardsTheSeller_AndGrantsOpeningPoints()
    {
        var engine = WithCard();
        Assert.Equal(CommandResult.Ok, engine.Apply(new BuyCard("u1", "coffee", "seller", At(Day))));
        Assert.Equal("269.00", engine.Store().Balance.ToString());
        Assert.Equal("30.00", engine.Member("seller").Cash.ToString());
        Assert.Equal("500.00", engine.Member("u1").ShoppingPoints.ToString());
    }

    [Fact]
    public void WithoutASeller_TheReferrerIsRewarded()
    {
        var engine = WithCard();
        engine.Refer("u1", "r1");
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        Assert.Equal("30.00", engine.Member("r1").Cash.ToString());
    }

    [Fact]
    public void TheDiscount_AppliesAtCheckout()
    {
        var engine = WithCard();
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        engine.BuyAt("u1", 100m, Day, benefit: CheckoutBenefit.CardDiscount);
        Assert.Equal("78.00", engine.Member("u1").Consumed.ToString());
        engine.BuyAt("u1", 100m, Day); // paid in full through a payment provider: booked in full
        Assert.Equal("178.00", engine.Member("u1").Consumed.ToString());
        Assert.Equal("178.00", engine.Store().Revenue.ToString());
    }

    [Fact]
    public void TheSpecialPriceItem_OnceADay()
    {
        var engine = WithCard();
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        Assert.Equal(CommandResult.Ok, engine.BuyAt("u1", 38m, Day, benefit: CheckoutBenefit.DailySpecial));
        Assert.Equal(CommandResult.CardBenefitUnavailable, engine.BuyAt("u1", 38m, Day, benefit: CheckoutBenefit.DailySpecial));
        Assert.Equal(CommandResult.Ok, engine.BuyAt("u1", 38m, Day.AddDays(1), benefit: CheckoutBenefit.DailySpecial));
        Assert.Equal("19.80", engine.Member("u1").Consumed.ToString());
    }

    [Fact]
    public void TheFreeItem_OnceADay_WithinItsPeriod_MovesNoMoney()
    {
        var engine = WithCard();
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        var balance = engine.Store().Balance;
        Assert.Equal(CommandResult.Ok, engine.BuyAt("u1", 25m, Day, benefit: CheckoutBenefit.FreeItem));
        Assert.Equal(CommandResult.CardBenefitUnavailable, engine.BuyAt("u1", 25m, Day, benefit: CheckoutBenefit.FreeItem));
        Assert.Equal(CommandResult.CardBenefitUnavailable, engine.BuyAt("u1", 25m, Day.AddDays(90), benefit: CheckoutBenefit.FreeItem));
        Assert.Equal(balance, engine.Store().Balance);
        Assert.Equal(0, engine.Orders);
    }

    [Fact]
    public void AnExpiredCard_GivesNoDiscount_AndBenefitsWithoutACard_AreRefused()
    {
        var engine = WithCard();
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        engine.BuyAt("u1", 100m, Day.AddDays(365), benefit: CheckoutBenefit.CardDiscount);
        Assert.Equal("100.00", engine.Member("u1").Consumed.ToString());
        Assert.Equal(CommandResult.CardBenefitUnavailable, engine.BuyAt("u2", 10m, Day, benefit: CheckoutBenefit.DailySpecial));
    }

    [Fact]
    public void AMembersCards_SayTheirLastValidDay_AndWhichOfTheDaysBenefitsAreLeft()
    {
        var engine = WithCard();
        Assert.Empty(engine.CardsHeldBy("u1", At(Day)));
        engine.Apply(new BuyCard("u1", "coffee", null, At(Day)));
        var held = Assert.Single(engine.CardsHeldBy("u1", At(Day)));
        Assert.Equal(("coffee", "s1", Day, Day.AddDays(364)), (held.Card.Id, held.Card.StoreId, held.OpenedOn, held.LastValidDay));
        Assert.Equal((true, true, true), (held.Valid, held.DailySpecialAvailable, held.FreeItemAvailable));

        engine.BuyAt("u1", 38m, Day, benefit: CheckoutBenefit.DailySpecial);
        Assert.Equal((true, false, true), Flags(engine.CardsHeldBy("u1", At(Day))[0]));
        // The next day the special is back; after 90 days the free item is over; after 365 the card is.
        Assert.Equal((true, true, true), Flags(engine.CardsHeldBy("u1", At(Day.AddDays(1)))[0]));
        Assert.Equal((true, true, false), Flags(engine.CardsHeldBy("u1", At(Day.AddDays(90)))[0]));
        Assert.Equal((false, false, false), Flags(engine.CardsHeldBy("u1", At(Day.AddDays(365)))[0]));

        static (bool, bool, bool) Flags(HeldCardView card) => (card.Valid, card.DailySpecialAvailable, card.FreeItemAvailable);
    }

    [Fact]
    public void BadCards_AreRefused()
    {
        var engine = WithCard();
        Assert.Equal(CommandResult.DuplicateCard, engine.Apply(new DefineCard("s1", "coffee", Coffee, At(Day))));
        Assert.Equal(CommandResult.InvalidTerms, engine.Apply(new DefineCard("s1", "bad", Coffee with { Discount = Rate.One }, At(Day))));
        Assert.Equal(CommandResult.UnknownStore, engine.Apply(new DefineCard("nope", "c2", Coffee, At(Day))));
        Assert.Equal(CommandResult.UnknownCard, engine.Apply(new BuyCard("u1", "nope", null, At(Day))));
    }
}
