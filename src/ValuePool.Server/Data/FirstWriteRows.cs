using ValuePool.Storage.Journal;

namespace ValuePool.Server.Data;

/// <summary>
/// Rows the first write of a request carries into its own transaction (the operator log's entry of the action, OperatorLogging):
/// the journal's (<see cref="Ledger.LedgerGateway.SubmitAsync(string, ValuePool.Core.Engine.Command, AlongsideRows)"/>, only if the
/// command is applied now) or the server writer's. A write that fails or changes nothing hands them on to the next write, so they
/// are durable exactly with the request's first change. Ambient for the request (an <see cref="AsyncLocal{T}"/>), closed when it ends.
/// </summary>
public sealed class FirstWriteRows(AlongsideRows rows)
{
    private const int Free = 0, Claimed = 1, Written = 2, Closed = 3;
    private static readonly AsyncLocal<FirstWriteRows?> Ambient = new();
    private readonly AlongsideRows _rows = rows;
    private int _state;

    /// <summary>Makes <paramref name="rows"/> the ones the writes of the current request carry.</summary>
    public static FirstWriteRows Open(AlongsideRows rows) => Ambient.Value = new FirstWriteRows(rows);

    /// <summary>True once a write carried the rows and committed.</summary>
    public bool IsWritten => Volatile.Read(ref _state) == Written;

    /// <summary>No later write carries them (work the request left running included); answers <see cref="IsWritten"/>.</summary>
    public bool Close()
    {
        Interlocked.CompareExchange(ref _state, Closed, Free);
        return IsWritten;
    }

    /// <summary>
    /// Runs <paramref name="write"/> with the current request's rows if no write carried them yet (null otherwise); it carried them
    /// if it succeeded and <paramref name="wrote"/> says its transaction committed them.
    /// </summary>
    public static Task<T> CarriedAsync<T>(Func<AlongsideRows?, Task<T>> write, Func<T, bool> wrote)
    {
        var pending = Ambient.Value;
        // Most writes (every order's) have nothing to carry: they run as they are, without another await around them.
        if (pending is null || Interlocked.CompareExchange(ref pending._state, Claimed, Free) != Free) return write(null);
        return CarryAsync(pending, write, wrote);
    }

    private static async Task<T> CarryAsync<T>(FirstWriteRows pending, Func<AlongsideRows?, Task<T>> write, Func<T, bool> wrote)
    {
        try
        {
            var result = await write(pending._rows);
            Volatile.Write(ref pending._state, wrote(result) ? Written : Free);
            return result;
        }
        catch
        {
            Volatile.Write(ref pending._state, Free);
            throw;
        }
    }
}
