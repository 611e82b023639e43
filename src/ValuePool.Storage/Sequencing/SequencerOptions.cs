namespace ValuePool.Storage.Sequencing;

public sealed record SequencerOptions
{
    /// <summary>Most commands in one group commit. Larger batches amortise the fsync; smaller ones answer sooner.</summary>
    public int CommandsPerBatchMax { get; init; } = 4096;

    /// <summary>Commands waiting for the sequencer before submitters are held back (back pressure).</summary>
    public int QueuedCommandsMax { get; init; } = 65_536;

    /// <summary>A snapshot is taken after the first batch that ends this many entries after the last one.</summary>
    public long SnapshotEveryEntries { get; init; } = 100_000;

    /// <summary>Whether projections are written with each batch (in its database transaction).</summary>
    public bool Projections { get; init; } = true;

    /// <summary>Told of every applied command and of each durable batch, on the sequencer's thread (e.g. to publish events).</summary>
    public ISequencerObserver? Observer { get; init; }
}
