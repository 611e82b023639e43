using System.Diagnostics;
using System.Threading.Channels;
using ValuePool.Core.Engine;
using ValuePool.Storage.Codec;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Sequencing;

/// <summary>
/// The single writer in front of the engine (docs/ARCHITECTURE.md): takes whatever commands are waiting,
/// applies them in order, writes them as one database transaction (group commit), and only then
/// answers each one. An idempotency key seen before returns its first answer and changes nothing.
/// A command the engine refuses is answered without a journal entry: it changed nothing.
/// A command whose application throws (an engine bug: the engine answers every input) is refused alone: the
/// engine is rebuilt from the journal and the batch's earlier commands, and everyone else keeps being served.
/// If the database fails, the engine is ahead of the journal, so the sequencer stops
/// and fails every waiting command: a restart recovers the state the journal proves.
/// Reads (<see cref="ReadAsync{T}"/>) run on the same loop after a batch is durable, so a query never
/// sees a command that could still be lost, and never races the engine.
/// Projections are not written with every batch: their per-member rows would cost a random page write per order in
/// the commit every order waits for. The rows of every entry since the last ones (a generation) are taken at most
/// every <see cref="SequencerOptions.ProjectionsEvery"/> and written a piece per batch, so no batch waits for all of
/// them; all that is missing is written before each snapshot, on <see cref="SyncProjectionsAsync"/> and on disposal.
/// After a crash, the start catches them up from the entries after their checkpoint.
/// </summary>
public sealed class Sequencer : IAsyncDisposable
{
    private abstract record Work;
    private sealed record Pending(string Key, Command Command, byte[] Encoded, AlongsideRows? Alongside, TaskCompletionSource<Receipt> Answer) : Work;
    /// <summary>A query; one that <paramref name="NeedsProjections"/> runs only after the projections include every durable entry.</summary>
    private sealed record Read(Action<IEngineView> Run, Action<Exception> Fail, bool NeedsProjections = false) : Work;

    private readonly IJournalStore _store;
    private readonly SequencerOptions _options;
    private readonly Channel<Work> _queue;
    private readonly Dictionary<string, long> _sequenceByKey;
    private readonly Projector? _projector;
    private readonly Task _loop;
    private JournalHead _head;
    private long _lastSnapshotSequence;
    private readonly Queue<ProjectionBatch> _projectionPieces = new();
    private long _generationEnd;
    private long _generationTakenAt = Stopwatch.GetTimestamp();
    private Exception? _fault;
    /// <summary>
    /// Members' ids to the engine's dense indices, read by submitters to resolve an order's buyer before it reaches the
    /// single writer (<see cref="Consume.MemberIndex"/>), written by the sequencer's thread after each batch with the members
    /// it added. The engine checks every resolution, so one a submitter read before a restart or rebuild can do no harm.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Index, string Id)> _memberIndexById = new(StringComparer.Ordinal);
    private int _membersIndexed;

    private Sequencer(IJournalStore store, SequencerOptions options, RecoveredState recovered, Projector? projector)
    {
        _store = store;
        _options = options;
        Engine = recovered.Engine;
        _head = recovered.Head;
        _lastSnapshotSequence = recovered.SnapshotSequence;
        _generationEnd = _durableSequence = recovered.Head.Sequence;
        _sequenceByKey = store.ReadKeys().ToDictionary(k => k.Key, k => k.Sequence, StringComparer.Ordinal);
        _projector = projector;
        IndexNewMembers();
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(options.QueuedCommandsMax) { SingleReader = true });
        // Its own thread, not the pool's: every batch blocks on an fsync, which would take a pool worker away
        // from the requests each time and make the pool inject threads that then compete for the cores.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Recovers the state from <paramref name="store"/> and starts sequencing. The sequencer owns the store from now on.</summary>
    public static Sequencer Start(IJournalStore store, SequencerOptions? options = null)
    {
        options ??= new SequencerOptions();
        if (!options.Projections) return new Sequencer(store, options, Recovery.Run(store), null);
        var checkpoint = store.ProjectionCheckpoint();
        var catchUp = new Projector(options.EntryProjections);
        var recovered = Recovery.Run(store, (entry, command, engine) =>
        {
            if (entry.Sequence > checkpoint) catchUp.Observe(entry.Sequence, entry.IdempotencyKey, command, engine);
        });
        // Projections always include the newest snapshot's entries (one is taken only with them), so the entries
        // replayed after it hold all they lack. Otherwise (projections were off, or the snapshot was corrupted) rebuild.
        if (checkpoint >= recovered.SnapshotSequence && checkpoint < recovered.Head.Sequence)
            store.WriteProjections(catchUp.Flush(recovered.Head.Sequence, recovered.Engine));
        else if (checkpoint != recovered.Head.Sequence)
            ProjectionRebuild.Run(store, options.EntryProjections);
        return new Sequencer(store, options, recovered, new Projector(options.EntryProjections));
    }

    /// <summary>The engine. Read it only after <see cref="DisposeAsync"/>: while running, the sequencer's thread owns it.</summary>
    public ValuePoolEngine Engine { get; private set; }

    /// <summary>The last durable entry; read it only after <see cref="DisposeAsync"/>.</summary>
    public JournalHead Head => _head;

    /// <summary>The sequence of the last durable entry, from any thread: every command answered so far is at or before it.</summary>
    public long DurableSequence => Volatile.Read(ref _durableSequence);

    private long _durableSequence;

    /// <summary>Why the sequencer stopped, if a batch failed (a lost database, or a deposed leader's refused write).</summary>
    public Exception? Fault => _fault;

    public Task<Receipt> SubmitAsync(string idempotencyKey, Command command) => SubmitAsync(idempotencyKey, command, null);

    /// <summary>
    /// Submits <paramref name="command"/>; if it is applied now and accepted, <paramref name="alongside"/> writes the
    /// application's rows in the same database transaction as its entry, so they are durable together or not at all.
    /// </summary>
    public async Task<Receipt> SubmitAsync(string idempotencyKey, Command command, AlongsideRows? alongside)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var answer = new TaskCompletionSource<Receipt>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (command is Consume { MemberIndex: < 0 } order && _memberIndexById.TryGetValue(order.Member, out var member))
            command = order with { Member = member.Id, MemberIndex = member.Index };
        var pending = new Pending(idempotencyKey, command, CommandCodec.Encode(command), alongside, answer);
        try { await _queue.Writer.WriteAsync(pending).ConfigureAwait(false); }
        catch (ChannelClosedException) { throw Stopped(); }
        return await answer.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="query"/> on the sequencer's loop, between batches, against durable state.
    /// The query must only read the engine and must not keep references into it.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<IEngineView, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueueReadAsync(query, needsProjections: false);
    }

    /// <summary>Returns once the projections include every entry durable when it was called (read-your-writes for their readers).</summary>
    public Task SyncProjectionsAsync() => QueueReadAsync(_ => true, needsProjections: true);

    private async Task<T> QueueReadAsync<T>(Func<IEngineView, T> query, bool needsProjections)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = new Read(engine => answer.TrySetResult(query(engine)), e => answer.TrySetException(e), needsProjections);
        try { await _queue.Writer.WriteAsync(read).ConfigureAwait(false); }
        catch (ChannelClosedException) { throw Stopped(); }
        return await answer.Task.ConfigureAwait(false);
    }

    /// <summary>Stops taking commands, answers those already queued, writes the projections still due, and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>The sequencer's thread: batches until the queue is closed, then the projections still due; it closes the store it owns.</summary>
    private void Run()
    {
        try { RunBatches(); }
        finally { _store.Dispose(); }
    }

    private void RunBatches()
    {
        var batch = new List<Pending>(_options.CommandsPerBatchMax);
        var reads = new List<Read>();
        while (WaitForWork())
        {
            batch.Clear();
            reads.Clear();
            while (batch.Count < _options.CommandsPerBatchMax && _queue.Reader.TryRead(out var work))
            {
                if (work is Pending pending) batch.Add(pending);
                else reads.Add((Read)work);
            }
            try { CommitBatch(batch, projectionsNow: reads.Exists(read => read.NeedsProjections)); }
            catch (Exception e)
            {
                _fault = e;
                _queue.Writer.TryComplete();
                foreach (var pending in batch) pending.Answer.TrySetException(Stopped());
                foreach (var read in reads) read.Fail(Stopped());
                while (_queue.Reader.TryRead(out var queued)) Fail(queued);
                return;
            }
            foreach (var read in reads) RunRead(read);
        }
        if (NextProjections(now: true) is { } rest) _store.WriteProjections(rest);
    }

    /// <summary>
    /// Blocks this (dedicated) thread until work is queued; false once the queue is closed and empty. While projection rows
    /// wait to be written, it waits at most <see cref="SequencerOptions.ProjectionsEvery"/> and then returns with nothing
    /// queued, so an idle journal's projections catch up by themselves (the readers on other nodes wait for them).
    /// </summary>
    private bool WaitForWork()
    {
        var ready = _queue.Reader.WaitToReadAsync();
        if (ready.IsCompleted) return ready.Result;
        var waiting = ready.AsTask();
        if (ProjectionsPending() && _options.ProjectionsEvery < WaitLongest && !waiting.Wait(_options.ProjectionsEvery)) return true;
        return waiting.GetAwaiter().GetResult();
    }

    /// <summary>The longest a timed wait takes; a longer <see cref="SequencerOptions.ProjectionsEvery"/> means "only when due by batches".</summary>
    private static readonly TimeSpan WaitLongest = TimeSpan.FromMilliseconds(int.MaxValue);

    private bool ProjectionsPending() => _projector is not null && (_projectionPieces.Count > 0 || _generationEnd != _head.Sequence);

    private void Fail(Work work)
    {
        if (work is Pending pending) pending.Answer.TrySetException(Stopped());
        else ((Read)work).Fail(Stopped());
    }

    /// <summary>A failing query is the caller's error, not the journal's: it fails that read only.</summary>
    private void RunRead(Read read)
    {
        try { read.Run(Engine); }
        catch (Exception e) { read.Fail(e); }
    }

    private void CommitBatch(List<Pending> batch, bool projectionsNow)
    {
        var entries = new List<JournalEntry>(batch.Count);
        var applied = new List<Command>(batch.Count);
        var answers = new List<(TaskCompletionSource<Receipt> Answer, Receipt Receipt)>(batch.Count);
        var entryByKey = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        var alongside = new List<AlongsideRows>();
        foreach (var pending in batch)
        {
            if (entryByKey.TryGetValue(pending.Key, out var earlier) || TryFindCommitted(pending.Key, out earlier))
            {
                answers.Add((pending.Answer, AnswerToRetry(earlier!, pending.Encoded)));
                continue;
            }
            var result = ApplyAlone(pending, applied);
            if (!result.IsAccepted())
            {
                answers.Add((pending.Answer, new Receipt(SubmitStatus.Refused, _head.Sequence, result)));
                continue;
            }
            var entry = JournalHash.Seal(_head, pending.Key, pending.Encoded, result, Engine.Ledger.CurrentTransaction);
            _projector?.Observe(entry.Sequence, pending.Key, pending.Command, Engine);
            _head = new JournalHead(entry.Sequence, entry.Hash);
            entries.Add(entry);
            applied.Add(pending.Command);
            entryByKey[pending.Key] = entry;
            if (pending.Alongside is not null) alongside.Add(pending.Alongside);
            answers.Add((pending.Answer, new Receipt(SubmitStatus.Applied, entry.Sequence, result) { Order = Engine.Outcome.Orders is [var order] ? order : null }));
        }
        var snapshotDue = _head.Sequence - _lastSnapshotSequence >= _options.SnapshotEveryEntries;
        var projections = NextProjections(now: projectionsNow || snapshotDue);
        if (entries.Count > 0) _store.Append(entries, projections, alongside);
        else if (projections is not null) _store.WriteProjections(projections);
        foreach (var entry in entries) _sequenceByKey[entry.IdempotencyKey] = entry.Sequence;
        Volatile.Write(ref _durableSequence, _head.Sequence);
        if (entries.Count > 0) _options.Observer?.Committed();
        IndexNewMembers();
        foreach (var (answer, receipt) in answers) answer.TrySetResult(receipt);
        if (snapshotDue) TakeSnapshot();
    }

    private void IndexNewMembers()
    {
        for (; _membersIndexed < Engine.MemberCount; _membersIndexed++)
        {
            var id = Engine.MemberIdAt(_membersIndexed);
            _memberIndexById[id] = (_membersIndexed, id);
        }
    }

    /// <summary>
    /// Applies one command, checks the engine's cheap invariants (<see cref="EngineInvariants"/>) and tells the observer.
    /// If any of them throws or an invariant fails, the command alone is refused: the engine is rebuilt
    /// as it was before it (the journal's state, then this batch's <paramref name="appliedInBatch"/> again, which the
    /// engine's determinism makes identical), so one bad command can never stop the platform for everyone else.
    /// </summary>
    private CommandResult ApplyAlone(Pending pending, List<Command> appliedInBatch)
    {
        try
        {
            var priceBefore = Engine.Price;
            var result = Engine.Apply(pending.Command);
            if (!result.IsAccepted()) return result;
            if (EngineInvariants.Problem(Engine, priceBefore) is { } broken) throw new InvalidOperationException($"invariant broken: {broken}");
            _options.Observer?.Applied(_head.Sequence + 1, pending.Key, pending.Command, Engine);
            return result;
        }
        catch (Exception failure)
        {
            _options.CommandFailed?.Invoke(pending.Key, pending.Command, failure);
            Engine = Recovery.Run(_store).Engine;
            foreach (var command in appliedInBatch) Engine.Apply(command);
            return CommandResult.CommandFailed;
        }
    }

    /// <summary>
    /// The projection rows to write with this batch: the next piece of the generation being written, after taking a new
    /// generation if the last is written and it is time. <paramref name="now"/>: all that is missing, the pieces still
    /// queued first (each in a transaction of its own), then every entry since, whole.
    /// </summary>
    private ProjectionBatch? NextProjections(bool now)
    {
        if (_projector is null) return null;
        if (now)
        {
            while (_projectionPieces.TryDequeue(out var queued)) _store.WriteProjections(queued);
            return TakeGeneration();
        }
        var previousEnd = _generationEnd;
        if (_projectionPieces.Count == 0 && Stopwatch.GetElapsedTime(_generationTakenAt) >= _options.ProjectionsEvery && TakeGeneration() is { } generation)
            foreach (var piece in generation.Pieces(previousEnd, _options.HistoryRowsPerPiece)) _projectionPieces.Enqueue(piece);
        return _projectionPieces.TryDequeue(out var next) ? next : null;
    }

    /// <summary>The projection rows of every entry since the last generation, if there are any.</summary>
    private ProjectionBatch? TakeGeneration()
    {
        if (_generationEnd == _head.Sequence) return null;
        (_generationTakenAt, _generationEnd) = (Stopwatch.GetTimestamp(), _head.Sequence);
        return _projector!.Flush(_head.Sequence, Engine);
    }

    private bool TryFindCommitted(string key, out JournalEntry? entry)
    {
        entry = _sequenceByKey.TryGetValue(key, out var sequence) ? _store.Find(sequence) : null;
        return entry is not null;
    }

    private static Receipt AnswerToRetry(JournalEntry first, byte[] retry) =>
        new(CommandCodec.SameRequest(first.Command, retry) ? SubmitStatus.Duplicate : SubmitStatus.KeyConflict, first.Sequence, first.Result);

    private void TakeSnapshot()
    {
        _store.SaveSnapshot(EngineSnapshot.Take(Engine, _head));
        _lastSnapshotSequence = _head.Sequence;
    }

    private SequencerStoppedException Stopped() =>
        new(_fault is null ? "the sequencer has stopped" : $"the sequencer stopped after a failure: {_fault.Message}", _fault);
}
