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
    /// How often the projection rows of the entries since the last ones are taken to be written (zero: with every batch
    /// once the last are written). Their per-member rows each dirty a page, so rows of many orders by the same members
    /// share the pages' writes. Measured with the API's load test: 100 ms ≈ 20,500 orders/s, 400 ms ≈ 24,000–24,900,
    /// 1 s ≈ 23,100 (larger generations than that only keep rows longer in memory).
    /// </summary>
    public TimeSpan ProjectionsEvery { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>At most this many member history rows go with one batch, so no batch waits long for the projections.</summary>
    public int HistoryRowsPerPiece { get; init; } = 256;

    /// <summary>The application's rows that follow from entries, written with the projections.</summary>
    public IReadOnlyList<IEntryProjection> EntryProjections { get; init; } = [];

    /// <summary>Told of every applied command and of each durable batch, on the sequencer's thread (e.g. to publish events).</summary>
    public ISequencerObserver? Observer { get; init; }

    /// <summary>
    /// Told, on the sequencer's thread, of a command whose application threw (its idempotency key, the command, the
    /// exception): the command was refused with <see cref="Core.Engine.CommandResult.CommandFailed"/> and undone.
    /// </summary>
    public Action<string, Core.Engine.Command, Exception>? CommandFailed { get; init; }
}
