using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Projections;

/// <summary>A member's balances now (absolute, so a later batch simply overwrites them).</summary>
public readonly record struct MemberBalanceRow(string Member, long CashFen, long PointsUnits);

/// <summary>What one journal entry changed for one member.</summary>
public readonly record struct MemberHistoryRow(long Sequence, string Member, long CashFen, long PointsUnits);

/// <summary>A store's completed orders on one UTC day: gross amounts and what the store is owed.</summary>
public readonly record struct StoreRevenueRow(string Store, DateOnly Day, long RevenueFen, long NetFen, long Orders);

/// <summary>The pool and points at the end of one minute of command time (the last entry in it).</summary>
public readonly record struct PriceRow(long UnixMinute, long Sequence, long PoolFen, long PointsUnits, decimal YuanPerPoint);

/// <summary>
/// The projection rows of consecutive journal entries up to <see cref="Checkpoint"/>, written in one database
/// transaction with the checkpoint (usually that of the batch holding the last of those entries), so projections
/// are exactly the journal up to the checkpoint: never ahead of it, and behind it only until the next batch of rows.
/// Store revenue rows are increments to add; the other rows replace what is stored. <see cref="ApplicationRows"/>
/// are the application's (<see cref="IEntryProjection"/>).
/// </summary>
public sealed record ProjectionBatch(
    long Checkpoint,
    IReadOnlyList<MemberBalanceRow> Balances,
    IReadOnlyList<MemberHistoryRow> History,
    IReadOnlyList<StoreRevenueRow> StoreRevenueIncrements,
    IReadOnlyList<PriceRow> Prices,
    AlongsideRows? ApplicationRows = null);
