using ValuePool.Server.Data;
using ValuePool.Server.Ledger;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Deposits;

/// <summary>A store's recorded deposit movements (<see cref="DepositFeed"/>), every durable one included, in journal order.</summary>
public sealed class DepositHistory(ServerDatabase database, LedgerGateway ledger, JournalEntries journal)
{
    /// <summary><paramref name="At"/>: the time of the journal entry that moved the deposit (its command's time).</summary>
    public sealed record Movement(long Sequence, long AmountFen, string Source, DateTimeOffset? At);

    public async Task<IReadOnlyList<Movement>> OfStoreAsync(string storeId)
    {
        await ledger.SyncProjectionsAsync();
        var rows = await database.QueryAsync<(long Seq, long AmountFen, string Source)>(
            "SELECT seq, amount_fen, source_key FROM deposit_movement WHERE store_id = @storeId ORDER BY seq", new { storeId });
        var entries = await journal.DescribeAsync(rows.Select(row => row.Seq));
        return rows.Select(row => new Movement(row.Seq, row.AmountFen, row.Source, entries.TryGetValue(row.Seq, out var entry) ? entry.At : null)).ToArray();
    }
}
