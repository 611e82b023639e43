using ValuePool.Core.Engine;
using ValuePool.Storage;
using ValuePool.Storage.Holdings;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Sequencing;
using ValuePool.Server.Data;

namespace ValuePool.Server.Ledger;

/// <summary>
/// The only way money moves: commands go to the sequencer with an idempotency key and are answered
/// once durable. Reads of the engine run on the sequencer's loop; reads of projections use the database.
/// Started with the host (recovery runs when it is built) and stopped last when the host stops, after the work that
/// submits commands, so the projections still due are written before the process ends.
/// </summary>
public sealed class LedgerGateway : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly Sequencer _sequencer;
    private readonly ServerDatabase _database;
    private readonly string _location;

    public LedgerGateway(string location, ServerDatabase database, IReadOnlyList<IEntryProjection> entryProjections,
        ILogger<LedgerGateway> logger)
    {
        _sequencer = Sequencer.Start(StoreLocation.Open(location), new SequencerOptions
        {
            EntryProjections = entryProjections,
            // The command was refused and undone; the rest of the platform carries on, so this is the one place it shows.
            CommandFailed = (key, command, failure) => logger.LogError(failure, "command {Key} failed inside the engine and was refused: {Command}", key, command),
        });
        _database = database;
        _location = location;
    }

    /// <summary>The journal's last durable entry, read on the sequencer's loop.</summary>
    public Task<long> HeadSequenceAsync() => _sequencer.ReadAsync(_ => _sequencer.Head.Sequence);

    /// <summary>
    /// The holdings snapshot at journal entry <paramref name="sequence"/> (MODEL.md §6), or why not: replayed from the newest
    /// stored snapshot before it on a connection of its own, off the sequencer's loop.
    /// </summary>
    public Task<(HoldingsSnapshot? Snapshot, string? Problem)> HoldingsAtAsync(long sequence) => Task.Run(() =>
    {
        using var store = StoreLocation.Open(_location);
        var snapshot = HoldingsSnapshot.At(store, sequence, out var problem);
        return (snapshot, problem);
    });

    public Task<Receipt> SubmitAsync(string idempotencyKey, Command command) => _sequencer.SubmitAsync(idempotencyKey, command);

    /// <summary>Also writes <paramref name="rows"/> of the server's tables in the journal's transaction if the command is applied and accepted.</summary>
    public Task<Receipt> SubmitAsync(string idempotencyKey, Command command, AlongsideRows rows) => _sequencer.SubmitAsync(idempotencyKey, command, rows);

    public Task<T> ReadAsync<T>(Func<IEngineView, T> query) => _sequencer.ReadAsync(query);

    /// <summary>Runs <paramref name="query"/> on projections that include every durable entry (they lag the journal otherwise).</summary>
    public async Task<T> ProjectionsAsync<T>(Func<ProjectionQueries, T> query)
    {
        await SyncProjectionsAsync();
        using var connection = _database.Open();
        return query(new ProjectionQueries(connection));
    }

    /// <summary>Returns once the projections (and the application's rows written with them) include every durable entry.</summary>
    public Task SyncProjectionsAsync() => _sequencer.SyncProjectionsAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _sequencer.DisposeAsync();

    /// <summary>
    /// For a container disposed synchronously (the test host's is), which otherwise fails on an asynchronous-only service
    /// and leaves the sequencer running with the projections unwritten. Blocking is safe: the sequencer has its own thread.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
