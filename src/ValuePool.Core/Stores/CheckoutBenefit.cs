namespace ValuePool.Core.Stores;

/// <summary>Which card benefit an order at a store asks for, besides the card's discount.</summary>
public enum CheckoutBenefit
{
    None,
    /// <summary>The card's special-price item, once a day.</summary>
    DailySpecial,
    /// <summary>The card's free item, once a day within its free period: nothing is charged.</summary>
    FreeItem,
}
