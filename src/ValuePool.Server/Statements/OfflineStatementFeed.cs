using System.Globalization;
using System.Text.Json;
using Dapper;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;

namespace ValuePool.Server.Statements;

/// <summary>
/// What the offline-settled distribution modes owe (MODEL.md §3b; the seed's 财务宝), one row per amount (<c>offline_item</c>):
/// the payee, the mode, the amount, and the order behind it (its buyer and amount, the journal entry). Read from each
/// command's <see cref="ModeRewardEarned"/> events and written with the projections, keyed by sequence and line, so a
/// catch-up or a rebuild records nothing twice. An item belongs to the calendar month of its day: the order's day, or the
/// last day of a settled dividend period. Wallet-settled amounts are credits and appear in the reward history instead.
/// </summary>
public sealed class OfflineStatementFeed(ServerDatabase database) : IEntryProjection
{
    private const int ItemsPerPiece = 256;

    private sealed record Item(long Sequence, int Line, string Period, string Day, string PayeeId, string Kind, long AmountFen,
        string? BuyerId, long OrderAmountFen, string SourceKey);

    private readonly List<Item> _seen = [];

    public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine)
    {
        var outcome = engine.Outcome;
        if (outcome.ModeRewards.Count == 0) return;
        var day = command is SettlePlatformShareholders settle ? settle.To : DateOnly.FromDateTime(command.At.UtcDateTime);
        var orderAmountFen = outcome.Orders.Count > 0 ? outcome.Orders[0].Charged.Fen : 0;
        var line = 0;
        foreach (var reward in outcome.ModeRewards)
        {
            if (reward.Settlement != ModeSettlement.Offline) { line++; continue; }
            var buyer = reward.Buyer == ModeRewardEarned.NoBuyer ? null : engine.MemberIdAt(reward.Buyer);
            _seen.Add(new Item(sequence, line++, day.ToString("yyyy-MM", CultureInfo.InvariantCulture), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                engine.MemberIdAt(reward.Member), reward.Kind.ToString(), reward.Amount.Fen, buyer, buyer is null ? 0 : orderAmountFen, idempotencyKey));
        }
    }

    public IReadOnlyList<AlongsideRows> Flush()
    {
        var pieces = _seen.Chunk(ItemsPerPiece).Select(Record).ToList();
        _seen.Clear();
        return pieces;
    }

    private AlongsideRows Record(Item[] items) => (connection, transaction) =>
    {
        var rows = JsonSerializer.Serialize(items.Select(i => new object?[]
            { i.Sequence, i.Line, i.Period, i.Day, i.PayeeId, i.Kind, i.AmountFen, i.BuyerId, i.OrderAmountFen, i.SourceKey }));
        connection.Execute(
            "INSERT INTO offline_item (seq, line, period, day, payee_id, kind, amount_fen, buyer_id, order_amount_fen, source_key) " +
            "SELECT CAST(j.value ->> 0 AS BIGINT), CAST(j.value ->> 1 AS BIGINT), j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, " +
            "CAST(j.value ->> 6 AS BIGINT), j.value ->> 7, CAST(j.value ->> 8 AS BIGINT), j.value ->> 9 " +
            $"FROM {database.JsonArrayRows("@rows")} WHERE true ON CONFLICT (seq, line) DO NOTHING", new { rows }, transaction);
    };
}
