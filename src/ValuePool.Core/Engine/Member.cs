namespace ValuePool.Core.Engine;

/// <summary>
/// A member's engine state besides their ledger balances. Kept small and in one array: with a
/// million members, what an order touches should sit in one or two cache lines.
/// </summary>
internal struct Member
{
    public const int NoReferrer = -1;

    /// <summary>Consumption C of the current cycle (fen).</summary>
    public long CycleConsumedFen;
    /// <summary>Gross value R of points sold in the current cycle (fen).</summary>
    public long CycleRealizedFen;
    /// <summary>Lifetime consumption (fen).</summary>
    public long ConsumedFen;
    /// <summary>When the current binding was made (UTC ticks), for lapsing bindings.</summary>
    public long BoundAtTicks;
    public int Referrer;
    public int Exits;
    /// <summary>Whether the member was ever bound: a store's partner reward is for new members only.</summary>
    public bool EverBound;
}
