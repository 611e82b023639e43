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

    public static readonly SortKeys SortKeys = new(["at", "amount"], ("at", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["at"] = "seq", ["amount"] = "amount_fen" };
    private const string Where = "WHERE (@memberId IS NULL OR member_id = @memberId) AND (@kind IS NULL OR kind = @kind) AND (@pattern IS NULL OR " +
        "LOWER(member_id) LIKE @pattern ESCAPE '\\' OR LOWER(source_key) LIKE @pattern ESCAPE '\\')";

    /// <summary>Every member's credits (or one member's, or one kind), newest first: <c>q</c> searches the member and the source.</summary>
    public async Task<Paged<RewardLine>> PageAsync(string? memberId, string? kind, ListQuery query)
    {
        await ledger.SyncProjectionsAsync();
        var parameters = new { memberId, kind, pattern = query.SearchPattern, limit = query.PageSize, offset = query.Offset };
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM reward_credit {Where}", parameters);
        var rows = await database.QueryAsync<Credit>(
            $"SELECT seq AS Seq, member_id AS MemberId, kind AS Kind, amount_fen AS AmountFen, source_key AS Source FROM reward_credit {Where} " +
            $"ORDER BY {query.OrderBy(SortColumns, "seq")}, line LIMIT @limit OFFSET @offset", parameters);
        return query.PageOf(await DescribeAsync(rows), total);
    }

    /// <summary>The same list for an export: at most <paramref name="countMax"/> lines.</summary>
    public async Task<IReadOnlyList<RewardLine>> AllAsync(string? memberId, string? kind, ListQuery query, int countMax)
    {
        await ledger.SyncProjectionsAsync();
        var rows = await database.QueryAsync<Credit>(
            $"SELECT seq AS Seq, member_id AS MemberId, kind AS Kind, amount_fen AS AmountFen, source_key AS Source FROM reward_credit {Where} " +
            $"ORDER BY {query.OrderBy(SortColumns, "seq")}, line LIMIT @limit",
            new { memberId, kind, pattern = query.SearchPattern, limit = countMax });
        return await DescribeAsync(rows);
    }

    private async Task<RewardLine[]> DescribeAsync(IEnumerable<Credit> credits)
    {
        var rows = credits.ToList();
        var entries = await journal.DescribeAsync(rows.Select(row => row.Seq));
        return rows.Select(row => new RewardLine(row.Seq, row.MemberId, row.Kind, row.AmountFen, row.Source,
            entries.TryGetValue(row.Seq, out var entry) ? entry.At : null)).ToArray();
    }

    private sealed class Credit
    {
        public long Seq { get; init; }
        public string MemberId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long AmountFen { get; init; }
        public string Source { get; init; } = "";
    }
}
