namespace ValuePool.Simulation.Running;

/// <summary>
/// What happened to each consumer, in arrays indexed by arrival order (member 0 arrived first):
/// flat arrays, because a million members must cost megabytes, not objects.
/// </summary>
public sealed class MemberOutcomes
{
    public const int Never = -1;

    public MemberOutcomes(int capacity)
    {
        ArrivalDay = new int[capacity];
        FirstExitDay = new int[capacity];
        CycleStartDay = new int[capacity];
        Exits = new int[capacity];
        SpentFen = new long[capacity];
        PoolCashFen = new long[capacity];
        RewardsFen = new long[capacity];
        HeldSaleValueFen = new long[capacity];
        EarlySeller = new bool[capacity];
        Array.Fill(FirstExitDay, Never);
        Array.Fill(CycleStartDay, Never);
    }

    /// <summary>Members who arrived within the horizon; the arrays' first <c>Count</c> entries are used.</summary>
    public int Count { get; internal set; }
    public int[] ArrivalDay { get; }
    /// <summary>Day of the first forced exit (出局), or <see cref="Never"/>.</summary>
    public int[] FirstExitDay { get; }
    /// <summary>Day the open cycle began (the first order after arriving or after the last exit), or <see cref="Never"/>.</summary>
    public int[] CycleStartDay { get; }
    public int[] Exits { get; }
    public long[] SpentFen { get; }
    /// <summary>Cash paid from the pool: voluntary sales and forced exits.</summary>
    public long[] PoolCashFen { get; }
    /// <summary>Referral rewards received (直推/间推).</summary>
    public long[] RewardsFen { get; }
    /// <summary>What the points still held at the end would pay if sold at the final price (payout applied).</summary>
    public long[] HeldSaleValueFen { get; }
    public bool[] EarlySeller { get; }

    /// <summary>Cash back plus the sale value of points still held, per yuan spent; rewards not included.</summary>
    public double ReturnedPerYuan(int member) =>
        SpentFen[member] == 0 ? 0 : (double)(PoolCashFen[member] + HeldSaleValueFen[member]) / SpentFen[member];
}
