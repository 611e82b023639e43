using System.Data.Common;
using System.Threading.Channels;
using Dapper;

namespace ValuePool.Server.Data;

/// <summary>
/// The single writer of the server's tables, with group commit like the journal's sequencer: every
/// waiting change runs in one database transaction, each inside its own savepoint, so one failing
/// change fails alone. One writer means no lock contention between requests, and a conditional
/// update ("paid only if still created") decides races in arrival order.
/// </summary>
public sealed class ServerWriter : IAsyncDisposable, IDisposable
{
    private const int ChangesPerBatchMax = 1024;

    private sealed record Change(Func<DbConnection, DbTransaction, object?> Run, TaskCompletionSource<object?> Answer);

    private readonly Channel<Change> _queue = Channel.CreateBounded<Change>(new BoundedChannelOptions(65_536) { SingleReader = true });
    private readonly DbConnection _connection;
    private readonly Task _loop;

    public ServerWriter(ServerDatabase database)
    {
        _connection = database.Open();
        if (!database.IsPostgres) _connection.Execute("PRAGMA synchronous=FULL");
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Runs <paramref name="change"/> in the next batch; answers once the batch is committed. The request's first write also
    /// writes its <see cref="FirstWriteRows"/>, in the change's savepoint.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> change) =>
        FirstWriteRows.CarriedAsync(async rows =>
        {
            var answer = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _queue.Writer.WriteAsync(new Change((c, t) =>
            {
                rows?.Invoke(c, t);
                return change(c, t);
            }, answer));
            return (T)(await answer.Task)!;
        }, _ => true);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _connection.DisposeAsync();
    }

    /// <summary>For a container disposed synchronously (the test host's is), as <see cref="Ledger.LedgerGateway.Dispose"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var batch = new List<Change>(ChangesPerBatchMax);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < ChangesPerBatchMax && _queue.Reader.TryRead(out var change)) batch.Add(change);
            Commit(batch);
        }
    }

    private void Commit(List<Change> batch)
    {
        var results = new object?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            using var transaction = _connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                _connection.Execute("SAVEPOINT change", transaction: transaction);
                try
                {
                    results[i] = batch[i].Run(_connection, transaction);
                    _connection.Execute("RELEASE SAVEPOINT change", transaction: transaction);
                }
                catch (DbException e)
                {
                    failures[i] = e;
                    _connection.Execute("ROLLBACK TO SAVEPOINT change", transaction: transaction);
                    _connection.Execute("RELEASE SAVEPOINT change", transaction: transaction);
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            foreach (var change in batch) change.Answer.TrySetException(e);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure) batch[i].Answer.TrySetException(failure);
            else batch[i].Answer.TrySetResult(results[i]);
        }
    }
}
