using System.Threading.Channels;
using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Sequencing;

/// <summary>
/// A read replica of the engine on a node that does not sequence: recovery that never ends. It recovers from the store
/// (the newest sound snapshot, then the journal), then applies every entry the leader appends, checked as recovery checks
/// them (<see cref="EntryReplay"/>), and answers reads between them on its own thread, as the sequencer does. It is woken
/// by <see cref="Nudge"/> (the leader's notifications) and looks for new entries at least every <paramref name="pollEvery"/>
/// in case one was missed. It writes nothing: the leader writes the projections every node reads.
/// An entry that fails its checks stops it (<see cref="Fault"/>): the replica would otherwise serve a state the journal does not prove.
/// </summary>
public sealed class JournalFollower : IAsyncDisposable
{
    private const int EntriesPerRead = 2048;

    private abstract record Work;
    private sealed record Read(Action<IEngineView> Run, Action<Exception> Fail) : Work;
    /// <summary>Answered once the replica has applied entry <paramref name="Sequence"/>.</summary>
    private sealed record Reach(long Sequence, TaskCompletionSource Answer) : Work;

    private readonly IJournalStore _store;
    private readonly TimeSpan _pollEvery;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _news = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Reach> _waiting = [];
    private readonly Task _loop;
    private ValuePoolEngine _engine;
    private JournalHead _head;
    private long _applied;
    private long _known;

    private JournalFollower(IJournalStore store, RecoveredState recovered, TimeSpan pollEvery)
    {
        _store = store;
        _pollEvery = pollEvery;
        (_engine, _head) = (recovered.Engine, recovered.Head);
        _applied = _known = _head.Sequence;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Recovers from <paramref name="store"/> and starts following; the follower owns the store from now on.</summary>
    public static JournalFollower Start(IJournalStore store, TimeSpan pollEvery) => new(store, Recovery.Run(store), pollEvery);

    /// <summary>The last entry the replica has applied (any thread).</summary>
    public long AppliedSequence => Volatile.Read(ref _applied);

    /// <summary>The newest entry this node has heard of (a notification or its own reads): <see cref="AppliedSequence"/> or later.</summary>
    public long KnownSequence => Math.Max(Volatile.Read(ref _known), AppliedSequence);

    /// <summary>Why the follower stopped, if it did.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>New entries may be there, up to <paramref name="through"/> if known (any thread).</summary>
    public void Nudge(long? through = null)
    {
        if (through is { } last)
        {
            long known;
            do known = Volatile.Read(ref _known);
            while (last > known && Interlocked.CompareExchange(ref _known, last, known) != known);
        }
        if (_news.CurrentCount == 0) _news.Release();
    }

    /// <summary>Runs <paramref name="query"/> on the replica between applied entries; it must only read and keep no references.</summary>
    public async Task<T> ReadAsync<T>(Func<IEngineView, T> query)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Read(engine => answer.TrySetResult(query(engine)), e => answer.TrySetException(e)));
        return await answer.Task.ConfigureAwait(false);
    }

    /// <summary>Returns once the replica has applied entry <paramref name="sequence"/> (a client's read-your-writes).</summary>
    public Task ReachAsync(long sequence)
    {
        if (AppliedSequence >= sequence) return Task.CompletedTask;
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Reach(sequence, answer));
        Nudge(sequence);
        return answer.Task;
    }

    /// <summary>Stops following and closes the store; the last applied state is discarded (a promotion recovers afresh).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        Nudge();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Enqueue(Work work)
    {
        if (!_queue.Writer.TryWrite(work)) throw Stopped();
        Nudge();
    }

    private void Run()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var read = _store.ReadFrom(_head.Sequence + 1, EntriesPerRead);
                foreach (var entry in read)
                {
                    EntryReplay.Apply(_engine, entry, _head);
                    _head = new JournalHead(entry.Sequence, entry.Hash);
                }
                Volatile.Write(ref _applied, _head.Sequence);
                AnswerQueued();
                // A full read means more is likely waiting: read on before sleeping.
                if (read.Count < EntriesPerRead) _news.Wait(_pollEvery);
            }
        }
        catch (Exception e)
        {
            Fault = e;
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) Refuse(left);
            foreach (var reach in _waiting) reach.Answer.TrySetException(Stopped());
            _store.Dispose();
        }
    }

    private void AnswerQueued()
    {
        while (_queue.Reader.TryRead(out var work))
        {
            if (work is Read read)
            {
                try { read.Run(_engine); }
                catch (Exception e) { read.Fail(e); }
            }
            else _waiting.Add((Reach)work);
        }
        _waiting.RemoveAll(reach => reach.Sequence <= _head.Sequence && reach.Answer.TrySetResult() | true);
    }

    private void Refuse(Work work)
    {
        if (work is Read read) read.Fail(Stopped());
        else ((Reach)work).Answer.TrySetException(Stopped());
    }

    private InvalidOperationException Stopped() =>
        new(Fault is null ? "this node has stopped following the journal" : $"this node stopped following the journal: {Fault.Message}", Fault);
}
