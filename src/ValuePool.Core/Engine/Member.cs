namespace ValuePool.Core.Engine;

/// <summary>
/// Everything the engine keeps about a member, balances included, in one struct in one array: with a
/// million members, an order's buyer and each referrer cost one trip to memory, not one per array.
/// </summary>
internal struct Member
{
    public const int NoReferrer = -1;

    /// <summary>
    /// The member's id, the very string the id dictionary holds: an order resolved at the edge names it by reference, which
    /// the engine checks here, in the record it reads anyway, instead of reaching for the id list and comparing characters.
    /// </summary>
    public string Id;

    /// <summary>Ledger balances of the member's accounts (wallet cash in fen, points in 0.0001, shopping points in 0.01).</summary>
    public long CashFen;
    public long PointsUnits;
    public long ShoppingPointsUnits;
    /// <summary>Consumption C of the current cycle (fen).</summary>
    public long CycleConsumedFen;
    /// <summary>Gross value R of points sold in the current cycle (fen).</summary>
    public long CycleRealizedFen;
    /// <summary>Lifetime consumption (fen).</summary>
    public long ConsumedFen;
    /// <summary>When the current binding was made (UTC ticks), for lapsing bindings.</summary>
    public long BoundAtTicks;
    /// <summary>The exit price the member's entry in the exit queue holds: a lower bound of the current one; NaN when not queued.</summary>
    public double QueuedExitPrice;
    /// <summary>Whether C, R or H changed since the queue entry was set, so that it may be below the exit price.</summary>
    public bool ExitKeyStale;
    public int Referrer;
    public int Exits;
    /// <summary>The member's first and last shopping-point lot in <see cref="Stores.ShoppingLots"/>; -1 when none.</summary>
    public int LotHead;
    public int LotTail;
    /// <summary>Whether the member was ever bound: a store's partner reward is for new members only.</summary>
    public bool EverBound;
}
