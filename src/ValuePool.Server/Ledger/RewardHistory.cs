using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Ledger;

/// <summary>A member's recorded credits (<see cref="RewardFeed"/>), every durable one included.</summary>
public sealed class RewardHistory(ServerDatabase database, LedgerGateway ledger, JournalEntries journal)
{
    public async Task<IReadOnlyList<RewardRow>> OfMemberAsync(string memberId, string? kind)
    {
        await ledger.SyncProjectionsAsync();
        var rows = await database.QueryAsync<(long Seq, string Kind, long AmountFen, string Source)>(
            "SELECT seq, kind, amount_fen, source_key FROM reward_credit WHERE member_id = @memberId AND (@kind IS NULL OR kind = @kind) ORDER BY seq, line",
            new { memberId, kind });
        var entries = await journal.DescribeAsync(rows.Select(row => row.Seq));
        return rows.Select(row => new RewardRow(row.Seq, row.Kind, AmountJson.FenText(row.AmountFen), row.Source,
            entries.TryGetValue(row.Seq, out var entry) ? entry.At : null)).ToArray();
    }
}
