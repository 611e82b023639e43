using ValuePool.Core.Amounts;

namespace ValuePool.Simulation.Running;

/// <summary>
/// The platform at the end of one day, plus what happened during it. Sampled once a day, never per
/// order, so a ten-million-order run keeps a few hundred of these.
/// </summary>
public readonly record struct DailySample(
    int Day,
    PointPrice Price,
    long PoolFen,
    long CirculatingPointUnits,
    long PlatformRevenueFen,
    int MembersArrived,
    int NewMembers,
    int Orders,
    long ConsumedFen,
    int ForcedExits,
    long ForcedExitPaidFen,
    long SalePaidFen,
    long RewardsPaidFen,
    long SubsidyFen,
    int MembersAwaitingExit);
