using System.Text.Json;
using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;

namespace ValuePool.Server.Deposits;

/// <summary>
/// A store's prepaid deposit's movements (<c>deposit_movement</c>), one row per journal entry that moved it: a top-up in, or
/// an offline till sale's commission out (MODEL.md §8). Read from each applied command's transaction and written with the
/// projections, keyed by sequence and store, so a catch-up after a crash records nothing twice and misses nothing.
/// </summary>
public sealed class DepositFeed(ServerDatabase database) : IEntryProjection
{
    private const int MovementsPerPiece = 256;

    private sealed record Movement(long Sequence, string StoreId, long AmountFen, string SourceKey);

    private readonly List<Movement> _seen = [];

    public void Observe(long sequence, string idempotencyKey, Command command, CommandResult result, ValuePoolEngine engine)
    {
        if (!result.IsAccepted()) return;
        // The net change per store: a till sale takes its commission from the deposit in several transfers (pool, rewards, profit).
        Dictionary<int, long>? byStore = null;
        foreach (var transfer in engine.Ledger.CurrentTransaction)
        {
            if (transfer.To.Kind == AccountKind.StoreDeposit) Add(ref byStore, transfer.To.Owner, transfer.Amount);
            if (transfer.From.Kind == AccountKind.StoreDeposit) Add(ref byStore, transfer.From.Owner, -transfer.Amount);
        }
        foreach (var (store, fen) in byStore ?? [])
            if (fen != 0) _seen.Add(new Movement(sequence, engine.StoreIdAt(store), fen, idempotencyKey));
    }

    private static void Add(ref Dictionary<int, long>? byStore, int store, long fen)
    {
        byStore ??= [];
        byStore[store] = byStore.GetValueOrDefault(store) + fen;
    }

    public IReadOnlyList<AlongsideRows> Flush()
    {
        var pieces = _seen.Chunk(MovementsPerPiece).Select(Record).ToList();
        _seen.Clear();
        return pieces;
    }

    private AlongsideRows Record(Movement[] movements) => (connection, transaction) =>
    {
        var rows = JsonSerializer.Serialize(movements.Select(m => new object[] { m.Sequence, m.StoreId, m.AmountFen, m.SourceKey }));
        connection.Execute(
            "INSERT INTO deposit_movement (seq, store_id, amount_fen, source_key) " +
            "SELECT CAST(j.value ->> 0 AS BIGINT), j.value ->> 1, CAST(j.value ->> 2 AS BIGINT), j.value ->> 3 " +
            $"FROM {database.JsonArrayRows("@rows")} WHERE true ON CONFLICT (seq, store_id) DO NOTHING", new { rows }, transaction);
    };
}
