using Dapper;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

namespace ValuePool.Server.Statements;

/// <summary>One statement: what the offline modes owe a payee for a month, and whether finance has paid it outside the platform.</summary>
public sealed record OfflineStatement(string Period, string PayeeId, long AmountFen, int Items, string? PaidBy, DateTimeOffset? PaidAt, long? PaidAmountFen);

/// <summary>One amount of a statement and the order (or dividend period) behind it.</summary>
public sealed record OfflineItem(long Sequence, string Period, string Day, string PayeeId, string Kind, long AmountFen, string? BuyerId,
    long OrderAmountFen, string SourceKey);

/// <summary>
/// The offline statements (财务宝): <c>offline_item</c> grouped by month and payee, with their payment (<c>offline_statement_payment</c>).
/// Marking one paid records who paid, when and how much the statement held then; no money moves in the ledger.
/// </summary>
public sealed class OfflineStatements(ServerDatabase database, ServerWriter writer)
{
    public static readonly SortKeys SortKeys = new(["period", "payee", "amount"], ("period", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["period"] = "i.period", ["payee"] = "i.payee_id", ["amount"] = "SUM(i.amount_fen)" };

    private const string Grouped =
        "SELECT i.period AS Period, i.payee_id AS PayeeId, SUM(i.amount_fen) AS AmountFen, COUNT(*) AS Items, MAX(p.paid_by) AS PaidBy, " +
        "MAX(p.paid_at_ms) AS PaidAtMs, MAX(p.amount_fen) AS PaidAmountFen FROM offline_item i " +
        "LEFT JOIN offline_statement_payment p ON p.period = i.period AND p.payee_id = i.payee_id " +
        "WHERE (@period IS NULL OR i.period = @period) AND (@payee IS NULL OR i.payee_id = @payee) " +
        "AND (@pattern IS NULL OR LOWER(i.payee_id) LIKE @pattern ESCAPE '\\') GROUP BY i.period, i.payee_id";

    public async Task<Paged<OfflineStatement>> PageAsync(string? period, ListQuery query)
    {
        var parameters = new { period, payee = (string?)null, pattern = query.SearchPattern, limit = query.PageSize, offset = query.Offset };
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM ({Grouped}) t", parameters);
        var rows = await database.QueryAsync<Row>($"{Grouped} ORDER BY {query.OrderBy(SortColumns, "i.payee_id")} LIMIT @limit OFFSET @offset", parameters);
        return query.PageOf(rows.Select(Describe).ToArray(), total);
    }

    public async Task<OfflineStatement?> FindAsync(string period, string payee)
    {
        var rows = await database.QueryAsync<Row>(Grouped, new { period, payee, pattern = (string?)null });
        return rows.Count == 0 ? null : Describe(rows[0]);
    }

    /// <summary>The statement's amounts, oldest first; for every statement of <paramref name="period"/> when <paramref name="payee"/> is null.</summary>
    public Task<IReadOnlyList<OfflineItem>> ItemsAsync(string? period, string? payee, int rowsMax) =>
        database.QueryAsync<OfflineItem>(
            "SELECT seq AS Sequence, period AS Period, day AS Day, payee_id AS PayeeId, kind AS Kind, amount_fen AS AmountFen, buyer_id AS BuyerId, " +
            "order_amount_fen AS OrderAmountFen, source_key AS SourceKey FROM offline_item " +
            "WHERE (@period IS NULL OR period = @period) AND (@payee IS NULL OR payee_id = @payee) ORDER BY period, payee_id, seq, line LIMIT @rowsMax",
            new { period, payee, rowsMax });

    /// <summary>Records the payment once: a second mark keeps the first (who paid, when, how much).</summary>
    public Task MarkPaidAsync(OfflineStatement statement, string paidBy, DateTimeOffset at) =>
        writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO offline_statement_payment (period, payee_id, paid_by, paid_at_ms, amount_fen) VALUES (@Period, @PayeeId, @paidBy, @atMs, @AmountFen) " +
            "ON CONFLICT (period, payee_id) DO NOTHING",
            new { statement.Period, statement.PayeeId, paidBy, atMs = UnixTime.Ms(at), statement.AmountFen }, t));

    private static OfflineStatement Describe(Row row) =>
        new(row.Period, row.PayeeId, row.AmountFen, (int)row.Items, row.PaidBy, UnixTime.At(row.PaidAtMs), row.PaidAmountFen);

    private sealed class Row
    {
        public string Period { get; init; } = "";
        public string PayeeId { get; init; } = "";
        public long AmountFen { get; init; }
        public long Items { get; init; }
        public string? PaidBy { get; init; }
        public long? PaidAtMs { get; init; }
        public long? PaidAmountFen { get; init; }
    }
}
