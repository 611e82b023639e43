using ValuePool.Server.Data;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Deposits;

/// <summary>A store's recorded deposit movements (<see cref="DepositFeed"/>), every durable one included, in journal order.</summary>
public sealed class DepositHistory(ServerDatabase database, LedgerGateway ledger)
{
    public sealed record Movement(long Sequence, long AmountFen, string Source);

    public async Task<IReadOnlyList<Movement>> OfStoreAsync(string storeId)
    {
        await ledger.SyncProjectionsAsync();
        return (await database.QueryAsync<(long Seq, long AmountFen, string Source)>(
                "SELECT seq, amount_fen, source_key FROM deposit_movement WHERE store_id = @storeId ORDER BY seq", new { storeId }))
            .Select(row => new Movement(row.Seq, row.AmountFen, row.Source)).ToArray();
    }
}
