using ValuePool.Server.Data;
using ValuePool.Storage.Codec;

namespace ValuePool.Server.Wallet;

/// <summary>What a journal entry was (its command's type, e.g. <c>Consume</c>, <c>Sell</c>) and when, for history pages.</summary>
public readonly record struct EntryInfo(string Kind, DateTimeOffset At);

/// <summary>Reads the command of journal entries by sequence (the journal lives in the server's database).</summary>
public sealed class JournalEntries(ServerDatabase database)
{
    private const int PerQuery = 500;

    public async Task<IReadOnlyDictionary<long, EntryInfo>> DescribeAsync(IEnumerable<long> sequences)
    {
        var found = new Dictionary<long, EntryInfo>();
        // Npgsql binds the array itself; Dapper expands it into a list for SQLite.
        var sql = database.IsPostgres ? "SELECT seq, command FROM journal WHERE seq = ANY(@chunk)" : "SELECT seq, command FROM journal WHERE seq IN @chunk";
        foreach (var chunk in sequences.Distinct().Chunk(PerQuery))
        {
            var rows = await database.QueryAsync<(long Seq, byte[] Command)>(sql, new { chunk });
            foreach (var (seq, bytes) in rows)
            {
                var command = CommandCodec.Decode(bytes);
                found[seq] = new EntryInfo(command.GetType().Name, command.At);
            }
        }
        return found;
    }
}
