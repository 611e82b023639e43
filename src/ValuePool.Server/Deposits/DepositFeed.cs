using System.Text.Json;
using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Core.Amounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;

namespace ValuePool.Server.Deposits;

/// <summary>
/// A store's prepaid deposit's movements (<c>deposit_movement</c>), one row per journal entry that moved it: a top-up in, or
/// an offline till sale's commission out (MODEL.md §8). Read from each command's events (top-ups, till orders) and written with the
/// projections, keyed by sequence and store, so a catch-up after a crash records nothing twice and misses nothing.
/// </summary>
public sealed class DepositFeed(ServerDatabase database) : IEntryProjection
{
    private const int MovementsPerPiece = 256;

    private sealed record Movement(long Sequence, string StoreId, long AmountFen, string SourceKey);

    private readonly List<Movement> _seen = [];

    public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine)
    {
        var outcome = engine.Outcome;
        foreach (var topUp in outcome.Deposits) _seen.Add(new Movement(sequence, engine.StoreIdAt(topUp.Store), topUp.Amount.Fen, idempotencyKey));
        foreach (var order in outcome.Orders)
            if (order.Payment == OrderPayment.OfflineTill && order.Commission > Money.Zero)
                _seen.Add(new Movement(sequence, engine.StoreIdAt(order.Store), -order.Commission.Fen, idempotencyKey));
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
