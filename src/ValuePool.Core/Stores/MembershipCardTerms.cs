using ValuePool.Core.Amounts;

namespace ValuePool.Core.Stores;

/// <summary>
/// A store's membership card (会员卡, MODEL.md §5): its price and benefits. Benefits apply at checkout
/// while the card is valid: the discount on every order at the store, one special-price item a day,
/// one free item a day during the free period, and shopping points when the card is opened.
/// </summary>
public sealed record MembershipCardTerms
{
    public Money Price { get; init; }
    /// <summary>Taken off every order at the store (7.8折 = 0.22).</summary>
    public Rate Discount { get; init; } = Rate.Zero;
    public ShoppingPoints OpeningShoppingPoints { get; init; } = ShoppingPoints.Zero;
    /// <summary>Paid by the store to whoever brought the card holder (the seller, else the holder's referrer).</summary>
    public Money SellerReward { get; init; } = Money.Zero;
    public int ValidDays { get; init; } = 365;
    /// <summary>The daily special-price item's price; null = no such benefit.</summary>
    public Money? DailySpecialPrice { get; init; }
    /// <summary>Days from opening during which one free item a day is included (e.g. 90 for three months of coffee).</summary>
    public int FreeItemDays { get; init; }

    /// <summary>The terms as bytes, for the journal's command codec and the engine's snapshots.</summary>
    public void Write(BinaryWriter output)
    {
        output.Write(Price.Fen);
        output.Write(Discount.PartsPerMillion);
        output.Write(OpeningShoppingPoints.Units);
        output.Write(SellerReward.Fen);
        output.Write(ValidDays);
        output.WriteOptional(DailySpecialPrice);
        output.Write(FreeItemDays);
    }

    public static MembershipCardTerms Read(BinaryReader input) => new()
    {
        Price = new Money(input.ReadInt64()),
        Discount = new Rate(input.ReadInt64()),
        OpeningShoppingPoints = new ShoppingPoints(input.ReadInt64()),
        SellerReward = new Money(input.ReadInt64()),
        ValidDays = input.ReadInt32(),
        DailySpecialPrice = input.ReadOptionalMoney(),
        FreeItemDays = input.ReadInt32(),
    };
}
