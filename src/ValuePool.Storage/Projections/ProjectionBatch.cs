using ValuePool.Core.Amounts;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Projections;

/// <summary>A member's balances now (absolute, so a later batch simply overwrites them).</summary>
public readonly record struct MemberBalanceRow(string Member, long CashFen, long PointsUnits);

/// <summary>What one journal entry changed for one member.</summary>
public readonly record struct MemberHistoryRow(long Sequence, string Member, long CashFen, long PointsUnits);

/// <summary>A store's completed orders on one UTC day: gross amounts and what the store is owed.</summary>
public readonly record struct StoreRevenueRow(string Store, DateOnly Day, long RevenueFen, long NetFen, long Orders);

/// <summary>
/// The pool, points and price at the end of one minute of command time (the last entry in it). The price is its exact
/// fraction (stored as "poolFen/pointsUnits"): while no points circulate it is the last fraction, not pool / points.
/// </summary>
public readonly record struct PriceRow(long UnixMinute, long Sequence, long PoolFen, long PointsUnits, PointPrice Price);

/// <summary>
/// The projection rows of consecutive journal entries up to <see cref="Checkpoint"/>, written in one database
/// transaction with the checkpoint, with or after those entries, so balances, revenue and prices are exactly the
/// journal up to the checkpoint: never ahead of it, and behind it only until the next batch of rows. History rows may be
/// written ahead of the checkpoint in <see cref="Pieces"/>; they are written idempotently. Store revenue rows are
/// increments to add; the other rows replace what is stored. <see cref="ApplicationRows"/> are the application's
/// (<see cref="IEntryProjection"/>).
/// </summary>
public sealed record ProjectionBatch(
    long Checkpoint,
    IReadOnlyList<MemberBalanceRow> Balances,
    IReadOnlyList<MemberHistoryRow> History,
    IReadOnlyList<StoreRevenueRow> StoreRevenueIncrements,
    IReadOnlyList<PriceRow> Prices,
    IReadOnlyList<AlongsideRows>? ApplicationRows = null)
{
    /// <summary>
    /// These rows as pieces to write one after another, none with more than <paramref name="historyRowsPerPiece"/> history
    /// rows: the application's pieces, then the history rows grouped by member (a member's rows share their pages'
    /// writes), each piece leaving the checkpoint at <paramref name="previousCheckpoint"/>; the last piece holds the rest
    /// and moves the checkpoint. A crash between pieces loses nothing: the start writes the rows of every entry after the
    /// checkpoint again.
    /// </summary>
    public IReadOnlyList<ProjectionBatch> Pieces(long previousCheckpoint, int historyRowsPerPiece)
    {
        var history = History.OrderBy(row => row.Member, StringComparer.Ordinal).ThenBy(row => row.Sequence).Chunk(historyRowsPerPiece).ToList();
        var application = ApplicationRows ?? [];
        if (history.Count <= 1 && application.Count <= 1) return [this];
        var pieces = application.Select(rows => new ProjectionBatch(previousCheckpoint, [], [], [], [], [rows])).ToList();
        pieces.AddRange(history.SkipLast(1).Select(rows => new ProjectionBatch(previousCheckpoint, [], rows, [], [])));
        pieces.Add(this with { History = history.Count > 0 ? history[^1] : [], ApplicationRows = null });
        return pieces;
    }
}
