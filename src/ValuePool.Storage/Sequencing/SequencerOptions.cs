using ValuePool.Storage.Projections;

namespace ValuePool.Storage.Sequencing;

public sealed record SequencerOptions
{
    /// <summary>Most commands in one group commit. Larger batches amortise the fsync; smaller ones answer sooner.</summary>
    public int CommandsPerBatchMax { get; init; } = 4096;

    /// <summary>Commands waiting for the sequencer before submitters are held back (back pressure).</summary>
    public int QueuedCommandsMax { get; init; } = 65_536;

    /// <summary>A snapshot is taken after the first batch that ends this many entries after the last one.</summary>
    public long SnapshotEveryEntries { get; init; } = 100_000;

    /// <summary>Whether projections are written (with a batch, in its database transaction).</summary>
    public bool Projections { get; init; } = true;

    /// <summary>
    /// Projections go with the first batch this long after the last that carried them (zero: every batch). Their
    /// per-member rows each dirty a page, so rows for many orders of the same members share the pages' writes.
    /// </summary>
    public TimeSpan ProjectionsEvery { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The application's rows that follow from entries, written with the projections.</summary>
    public IEntryProjection? EntryProjection { get; init; }

    /// <summary>Told of every applied command and of each durable batch, on the sequencer's thread (e.g. to publish events).</summary>
    public ISequencerObserver? Observer { get; init; }
}
