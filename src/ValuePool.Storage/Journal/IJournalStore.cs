using ValuePool.Storage.Projections;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Journal;

/// <summary>
/// Where the journal, snapshots and projections live: SQLite (a file, the embedded default) or
/// PostgreSQL. One instance holds one connection and is used by one thread at a time (the
/// sequencer's); readers open their own instance.
/// </summary>
public interface IJournalStore : IDisposable
{
    /// <summary>What the store is, for messages: a file path or a server and database.</summary>
    string Location { get; }

    JournalHead ReadHead();

    /// <summary>
    /// Appends entries (consecutive, following the head), their projection rows and the application rows
    /// submitted with them (<paramref name="alongside"/>) in one database transaction.
    /// </summary>
    void Append(IReadOnlyList<JournalEntry> entries, ProjectionBatch? projections, IReadOnlyList<AlongsideRows> alongside);

    /// <summary>
    /// At most <paramref name="countMax"/> entries from <paramref name="firstSequence"/> on, in order.
    /// Read whole (not streamed) so the caller may use the connection again between chunks.
    /// </summary>
    IReadOnlyList<JournalEntry> ReadFrom(long firstSequence, int countMax);

    JournalEntry? Find(long sequence);

    /// <summary>Every idempotency key with its entry, for the sequencer's duplicate check.</summary>
    IEnumerable<(string Key, long Sequence)> ReadKeys();

    void SaveSnapshot(StoredSnapshot snapshot);

    /// <summary>Sequences of the stored snapshots, newest first.</summary>
    IReadOnlyList<long> SnapshotSequences();

    StoredSnapshot? LoadSnapshot(long sequence);

    /// <summary>The last entry the projections include (0: none).</summary>
    long ProjectionCheckpoint();

    /// <summary>Empties every projection, for a rebuild from the journal.</summary>
    void ResetProjections();

    /// <summary>Writes projection rows alone (a rebuild), in one database transaction.</summary>
    void WriteProjections(ProjectionBatch projections);

    ProjectionQueries Queries { get; }
}
