namespace ValuePool.Simulation.Running;

/// <summary>
/// What happened to one consumer. One struct per member in one array, so an order touches one cache
/// line of simulator state: with a million members, separate arrays per field cost a cache miss each.
/// </summary>
public struct MemberOutcome
{
    public const int Never = -1;

    public long SpentFen;
    /// <summary>Cash paid from the pool: voluntary sales and forced exits.</summary>
    public long PoolCashFen;
    /// <summary>Referral rewards received (直推/间推).</summary>
    public long RewardsFen;
    /// <summary>What the points still held at the end would pay if sold at the final price (payout applied).</summary>
    public long HeldSaleValueFen;
    public int ArrivalDay;
    /// <summary>Day of the first forced exit (出局), or <see cref="Never"/>.</summary>
    public int FirstExitDay;
    /// <summary>Day the open cycle began (the first order after arriving or after the last exit), or <see cref="Never"/>.</summary>
    public int CycleStartDay;
    public int Exits;
    public bool EarlySeller;

    public readonly bool HasExited => FirstExitDay != Never;

    /// <summary>Cash back plus the sale value of points still held, per yuan spent; rewards not included.</summary>
    public readonly double ReturnedPerYuan => SpentFen == 0 ? 0 : (double)(PoolCashFen + HeldSaleValueFen) / SpentFen;
}

/// <summary>Every consumer's <see cref="MemberOutcome"/>, indexed by arrival order (member 0 arrived first).</summary>
public sealed class MemberOutcomes(int capacity)
{
    private readonly MemberOutcome[] _members = new MemberOutcome[capacity];

    /// <summary>Members who arrived within the horizon.</summary>
    public int Count { get; private set; }

    public ref MemberOutcome this[int member] => ref _members[member];

    public ReadOnlySpan<MemberOutcome> All => _members.AsSpan(0, Count);

    /// <summary>A new member: returns its index.</summary>
    internal int Add(int arrivalDay, bool earlySeller)
    {
        _members[Count] = new MemberOutcome
        {
            ArrivalDay = arrivalDay,
            EarlySeller = earlySeller,
            FirstExitDay = MemberOutcome.Never,
            CycleStartDay = MemberOutcome.Never,
        };
        return Count++;
    }
}
