using System.Diagnostics;
using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Storage;
using ValuePool.Storage.Holdings;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Postgres;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Sequencing;
using ValuePool.Storage.Sqlite;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Ledger;

/// <summary>
/// The only way money moves: commands go to the sequencer with an idempotency key and are answered
/// once durable. Reads of the engine run on the sequencer's loop; reads of projections use the database.
/// Started with the host (recovery runs when it is built) and stopped last when the host stops, after the work that
/// submits commands, so the projections still due are written before the process ends.
/// <para>
/// On SQLite the node leads from its start and holds the file's writer lock (<see cref="SqliteWriterLock"/>): a second
/// process on the file is refused. On PostgreSQL the node that takes the <see cref="LeaderLease"/> leads, its store fenced
/// by the lease's epoch; every other node follows (<see cref="JournalFollower"/>: a replica it reads from, woken by the
/// leader's notifications) and tries for the lease every <see cref="CampaignEvery"/>. When it gets it, it recovers from the
/// journal (its replica serving reads meanwhile) and starts sequencing. A leader whose lease is lost, or whose sequencer
/// stopped, stops the process rather than go on as a node nobody can tell from a leader: its supervisor restarts it as a
/// follower.
/// </para>
/// </summary>
public sealed class LedgerGateway : IHostedService, IAsyncDisposable, IDisposable
{
    /// <summary>How often a follower tries for the lease (a dead leader's is free as soon as PostgreSQL ends its session).</summary>
    public static readonly TimeSpan CampaignEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a leader checks that its lease is still its own.</summary>
    private static readonly TimeSpan LeaseCheckEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a follower looks for new entries without being notified.</summary>
    private static readonly TimeSpan FollowerPollEvery = TimeSpan.FromSeconds(1);

    /// <summary>The longest a follower's projection read waits for the leader to write the projections up to its replica.</summary>
    private static readonly TimeSpan ProjectionsWaitMax = TimeSpan.FromSeconds(3);

    private readonly string _location;
    private readonly string? _advertisedUrl;
    private readonly ServerDatabase _database;
    private readonly SequencerOptions _sequencerOptions;
    private readonly LeadershipGate _gate;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LedgerGateway> _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly IDisposable? _writerLock;
    private volatile Sequencer? _sequencer;
    private volatile JournalFollower? _follower;
    private JournalNotifications? _notifications;
    private LeaderLease? _lease;
    private Task _watch = Task.CompletedTask;

    public LedgerGateway(string location, string? advertisedUrl, ServerDatabase database, IReadOnlyList<IEntryProjection> entryProjections,
        LeadershipGate gate, IHostApplicationLifetime lifetime, ILogger<LedgerGateway> logger)
    {
        (_location, _advertisedUrl, _database, _gate, _lifetime, _log) = (location, advertisedUrl, database, gate, lifetime, logger);
        _sequencerOptions = new SequencerOptions
        {
            EntryProjections = entryProjections,
            // The command was refused and undone; the rest of the platform carries on, so this is the one place it shows.
            CommandFailed = (key, command, failure) => logger.LogError(failure, "command {Key} failed inside the engine and was refused: {Command}", key, command),
        };
        if (!StoreLocation.IsPostgres(location))
        {
            _writerLock = SqliteWriterLock.Take(location);
            _sequencer = Sequencer.Start(StoreLocation.Open(location), _sequencerOptions);
            gate.Lead();
            return;
        }
        var connectionString = StoreLocation.PostgresConnectionString(location);
        var store = PostgresJournalStore.Open(connectionString);
        if (LeaderLease.TryTake(connectionString, advertisedUrl ?? "") is { } lease)
        {
            Lead(lease, store);
            return;
        }
        var follower = _follower = JournalFollower.Start(store, FollowerPollEvery);
        _notifications = new JournalNotifications(connectionString, last => follower.Nudge(last));
        _log.LogInformation("Following the journal at entry {Sequence}; the leader takes writes at {Leader}", follower.AppliedSequence, LeaderLease.Current(connectionString).Address);
        _watch = Task.Run(() => CampaignAsync(connectionString));
    }

    public NodeRole Role => _sequencer is null ? NodeRole.Follower : NodeRole.Leader;

    /// <summary>The last entry this node has applied: durable on a leader, replayed on a follower.</summary>
    public long AppliedSequence => _sequencer?.DurableSequence ?? _follower?.AppliedSequence ?? 0;

    /// <summary>How many entries a follower knows of and has not applied yet (0 on a leader).</summary>
    public long LagEntries => _sequencer is null && _follower is { } follower ? follower.KnownSequence - follower.AppliedSequence : 0;

    /// <summary>The leader's epoch, on PostgreSQL, while this node leads.</summary>
    public long? Epoch => _lease?.Epoch;

    /// <summary>
    /// The current leader as a follower forwards writes to it: the address it takes writes on and its peer token, read from the
    /// database at most every <see cref="CampaignEvery"/> (a new leader is forwarded to within that); null on SQLite or before
    /// any leader advertised one.
    /// </summary>
    public LeaderContact? Leader()
    {
        if (!StoreLocation.IsPostgres(_location)) return null;
        if (_leader is not { } read || Stopwatch.GetElapsedTime(read.At) > CampaignEvery)
        {
            var (_, address, peerToken) = LeaderLease.Current(StoreLocation.PostgresConnectionString(_location));
            _leader = read = new LeaderRead(new LeaderContact(address, peerToken), Stopwatch.GetTimestamp());
        }
        return read.Contact.Address.Length > 0 ? read.Contact : null;
    }

    /// <summary>Whether <paramref name="peerToken"/> is this leader's, so the request comes from another node of the platform.</summary>
    public bool IsPeer(string? peerToken) =>
        _lease is { } lease && peerToken is not null &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(peerToken), System.Text.Encoding.ASCII.GetBytes(lease.PeerToken));

    /// <summary>The leader as last read, and when (a timestamp): replaced whole, so any thread sees a consistent pair.</summary>
    private sealed record LeaderRead(LeaderContact Contact, long At);

    private volatile LeaderRead? _leader;

    /// <summary>The journal's last entry this node holds: the head, read on the sequencer's loop, on a leader; the last applied on a follower.</summary>
    public Task<long> HeadSequenceAsync() =>
        _sequencer is { } sequencer ? sequencer.ReadAsync(_ => sequencer.Head.Sequence) : Task.FromResult(AppliedSequence);

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

    public Task<Receipt> SubmitAsync(string idempotencyKey, Command command) => Submit(idempotencyKey, command, null);

    /// <summary>Also writes <paramref name="rows"/> of the server's tables in the journal's transaction if the command is applied and accepted.</summary>
    public Task<Receipt> SubmitAsync(string idempotencyKey, Command command, AlongsideRows rows) => Submit(idempotencyKey, command, rows);

    /// <summary>The request's <see cref="FirstWriteRows"/> go with the first command it has applied, in the same transaction.</summary>
    private Task<Receipt> Submit(string idempotencyKey, Command command, AlongsideRows? rows) =>
        FirstWriteRows.CarriedAsync(first => Leading.SubmitAsync(idempotencyKey, command, Both(first, rows)), receipt => receipt.Status == SubmitStatus.Applied);

    private static AlongsideRows? Both(AlongsideRows? first, AlongsideRows? then) =>
        first is null ? then : then is null ? first : (connection, transaction) =>
        {
            first(connection, transaction);
            then(connection, transaction);
        };

    public async Task<T> ReadAsync<T>(Func<IEngineView, T> query)
    {
        if (_sequencer is { } sequencer) return await sequencer.ReadAsync(query);
        try { return await _follower!.ReadAsync(query); }
        // Promoted meanwhile: the replica was closed once the sequencer took over.
        catch (InvalidOperationException) when (_sequencer is { } promoted) { return await promoted.ReadAsync(query); }
    }

    /// <summary>Returns once this node has applied entry <paramref name="sequence"/> (a client's read-your-writes).</summary>
    public Task ReachAsync(long sequence) => _sequencer is null && _follower is { } follower ? follower.ReachAsync(sequence) : Task.CompletedTask;

    /// <summary>Runs <paramref name="query"/> on projections that include every durable entry (they lag the journal otherwise).</summary>
    public async Task<T> ProjectionsAsync<T>(Func<ProjectionQueries, T> query)
    {
        await SyncProjectionsAsync();
        using var connection = _database.Open();
        return query(new ProjectionQueries(connection));
    }

    /// <summary>
    /// Returns once the projections (and the application's rows written with them) include every durable entry. A follower
    /// cannot make the leader write them: it waits, at most <see cref="ProjectionsWaitMax"/>, until they include every entry
    /// its replica has applied (an idle leader writes them within its projections interval).
    /// </summary>
    public async Task SyncProjectionsAsync()
    {
        if (_sequencer is { } sequencer)
        {
            await sequencer.SyncProjectionsAsync();
            return;
        }
        var target = AppliedSequence;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ProjectionsWaitMax && _sequencer is null)
        {
            await using var connection = _database.Open();
            if (await connection.ExecuteScalarAsync<long>("SELECT seq FROM projection_checkpoint WHERE id = 1") >= target) return;
            await Task.Delay(50);
        }
        if (_sequencer is { } promoted) await promoted.SyncProjectionsAsync();
    }

    private Sequencer Leading => _sequencer ?? throw new NotLeaderException();

    private void Lead(LeaderLease lease, PostgresJournalStore store)
    {
        _lease = lease;
        store.Fence(lease.Epoch);
        _sequencer = Sequencer.Start(store, _sequencerOptions);
        _gate.Lead();
        _log.LogInformation("Leading epoch {Epoch} from entry {Sequence}; taking writes at {Address}", lease.Epoch, _sequencer.DurableSequence, _advertisedUrl);
        _watch = Task.Run(WatchLeaseAsync);
    }

    /// <summary>A follower's loop: take the lease when it is free, then recover and lead.</summary>
    private async Task CampaignAsync(string connectionString)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (LeaderLease.TryTake(connectionString, _advertisedUrl ?? "") is { } lease)
                {
                    var promoting = Stopwatch.StartNew();
                    // Before the replica closes: it serves reads while the sequencer recovers.
                    Lead(lease, PostgresJournalStore.Open(connectionString));
                    await _notifications!.DisposeAsync();
                    _notifications = null;
                    await _follower!.DisposeAsync();
                    _follower = null;
                    _log.LogWarning("Promoted to leader of epoch {Epoch} in {Milliseconds} ms after taking the lease", lease.Epoch, promoting.ElapsedMilliseconds);
                    return;
                }
                if (_follower?.Fault is { } fault) { Stop(fault, "the replica stopped following the journal"); return; }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                _log.LogWarning(e, "Could not reach the database to try for the leadership; trying again");
            }
            catch (Exception e)
            {
                Stop(e, "promotion to leader failed");
                return;
            }
            try { await Task.Delay(CampaignEvery, _stopping.Token); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>A leader's loop: the lease still its own and the sequencer running, or the process stops.</summary>
    private async Task WatchLeaseAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try { await Task.Delay(LeaseCheckEvery, _stopping.Token); }
            catch (OperationCanceledException) { return; }
            if (_sequencer?.Fault is { } fault) { Stop(fault, "the sequencer stopped"); return; }
            if (!_lease!.IsHeld()) { Stop(null, $"the lease of epoch {_lease.Epoch} was lost (its database session ended or another node leads)"); return; }
        }
    }

    /// <summary>Fail-stop: the process ends with exit code 3, and its supervisor starts it again as a follower.</summary>
    private void Stop(Exception? cause, string why)
    {
        _log.LogCritical(cause, "Stopping this node: {Why}", why);
        Environment.ExitCode = 3;
        _lifetime.StopApplication();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    /// <summary>Stops once; a second caller (the host stops it, then its container disposes it) waits for the same stop to finish.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_stopping) _disposal ??= StopOnceAsync();
        return new ValueTask(_disposal);
    }

    private Task? _disposal;

    private async Task StopOnceAsync()
    {
        await _stopping.CancelAsync();
        await _watch;
        if (_notifications is not null) await _notifications.DisposeAsync();
        if (_follower is { } follower) await follower.DisposeAsync();
        try
        {
            if (_sequencer is { } sequencer) await sequencer.DisposeAsync();
        }
        catch (Exception e) when (_lease is not null)
        {
            _log.LogWarning("The projections still due were not written ({Why}); the next leader catches them up", e.Message);
        }
        // Last: the projections still due above are written under the lease.
        _lease?.Dispose();
        _writerLock?.Dispose();
    }

    /// <summary>
    /// For a container disposed synchronously (the test host's is), which otherwise fails on an asynchronous-only service
    /// and leaves the sequencer running with the projections unwritten. Blocking is safe: the sequencer has its own thread.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
