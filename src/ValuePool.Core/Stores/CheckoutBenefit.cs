namespace ValuePool.Core.Stores;

/// <summary>
/// Which membership-card benefit an order at a store uses. Card pricing happens only when the
/// order asks for it (a till checkout): an order whose amount a payment provider already collected
/// (<see cref="None"/>) must be booked at exactly that amount, or the ledger would disagree with the money.
/// </summary>
public enum CheckoutBenefit
{
    /// <summary>No card pricing: the amount is what was paid.</summary>
    None = 0,
    /// <summary>The card's special-price item, once a day.</summary>
    DailySpecial = 1,
    /// <summary>The card's free item, once a day within its free period: nothing is charged.</summary>
    FreeItem = 2,
    /// <summary>The card's discount if the member holds a valid card here; the full amount otherwise.</summary>
    CardDiscount = 3,
}
