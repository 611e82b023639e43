using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Projections;

/// <summary>
/// Rows of the application's own tables that follow from journal entries alone (which member an order belongs
/// to, say). They are written with the storage projections (<see cref="ProjectionBatch"/>): behind the journal by
/// at most <see cref="Sequencing.SequencerOptions.ProjectionsEvery"/>, caught up at start and rebuilt with them, so
/// they cost the group commit every order waits for nothing. Rows must be written idempotently: a rebuild writes
/// every entry's rows again.
/// </summary>
public interface IEntryProjection
{
    /// <summary>Sees entry <paramref name="sequence"/> on the thread that applied it, while <paramref name="engine"/>'s ledger holds its transaction.</summary>
    void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine);

    /// <summary>
    /// The rows for the entries seen since the last call, in pieces of at most a few hundred rows: each piece may go with
    /// another group commit, which waits for it. Starts a new batch.
    /// </summary>
    IReadOnlyList<AlongsideRows> Flush();
}
