using Dapper;
using Microsoft.Extensions.Options;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Payments.Reconciliation;

/// <summary>
/// Daily reconciliation (对账): the provider's bill of a day (China Standard Time, as the providers keep their books) against
/// the orders this platform recorded paid through it that day, and the refunds it finished that day. Every difference is kept
/// for finance (GET /api/payments/reconciliation/{day}); running a day again replaces its result, so it is safe to repeat.
/// </summary>
public sealed class DailyReconciliation(ServerDatabase database, ServerWriter writer, IPaymentProvider provider, TimeProvider time,
    IOptions<ServerOptions> options, ILogger<DailyReconciliation> log)
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private const string RunColumns = "day AS Day, provider AS Provider, status AS Status, bill_lines AS BillLines, matched AS Matched, failure AS Failure, run_ms AS RunMs";
    private const string DifferenceColumns = "day AS Day, provider AS Provider, subject AS Subject, reference AS Reference, kind AS Kind, ours_fen AS OursFen, " +
        "theirs_fen AS TheirsFen";

    private sealed record Ours(string Reference, long AmountFen);

    public async Task<ReconciliationRun> RunAsync(DateOnly day, CancellationToken cancel = default)
    {
        var bill = await provider.DownloadBillAsync(day, cancel);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
        var window = new { provider = provider.Name, fromMs = UnixTime.Ms(from), toMs = UnixTime.Ms(from.AddDays(1)) };
        var run = new ReconciliationRun { Day = day.ToString("yyyy-MM-dd"), Provider = provider.Name, RunMs = UnixTime.Ms(time.GetUtcNow()) };
        var differences = new List<ReconciliationDifference>();
        if (bill.Lines is not { } lines) run = run with { Status = ReconciliationStatus.Unavailable, Failure = bill.Failure };
        else
        {
            var payments = await database.QueryAsync<Ours>("SELECT o.payment_id AS Reference, o.amount_fen AS AmountFen FROM customer_order o " +
                "JOIN payment_intent i ON i.order_id = o.id WHERE i.provider = @provider AND o.paid_ms >= @fromMs AND o.paid_ms < @toMs", window);
            var refunds = await database.QueryAsync<Ours>("SELECT id AS Reference, amount_fen AS AmountFen FROM order_refund " +
                $"WHERE provider = @provider AND status = '{OrderRefundStatus.Succeeded}' AND finished_ms >= @fromMs AND finished_ms < @toMs", window);
            var matched = Match(run, "payment", payments, lines.Where(l => l.Kind == BillLineKind.Payment).Select(l => new Ours(l.PaymentId, l.Amount.Fen)), differences)
                + Match(run, "refund", refunds, lines.Where(l => l.Kind == BillLineKind.Refund).Select(l => new Ours(l.RefundId ?? "", l.Amount.Fen)), differences);
            run = run with
            {
                Status = differences.Count == 0 ? ReconciliationStatus.Matched : ReconciliationStatus.Differences, BillLines = lines.Count, Matched = matched,
            };
        }
        await writer.WriteAsync((c, t) =>
        {
            c.Execute("DELETE FROM reconciliation_difference WHERE day = @Day AND provider = @Provider", run, t);
            c.Execute("DELETE FROM reconciliation_run WHERE day = @Day AND provider = @Provider", run, t);
            c.Execute("INSERT INTO reconciliation_run (day, provider, status, bill_lines, matched, failure, run_ms) " +
                "VALUES (@Day, @Provider, @Status, @BillLines, @Matched, @Failure, @RunMs)", run, t);
            return c.Execute("INSERT INTO reconciliation_difference (day, provider, subject, reference, kind, ours_fen, theirs_fen) " +
                "VALUES (@Day, @Provider, @Subject, @Reference, @Kind, @OursFen, @TheirsFen)", differences, t);
        });
        if (differences.Count > 0) log.LogWarning("Reconciliation of {Day} with {Provider}: {Count} differences", run.Day, run.Provider, differences.Count);
        return run;
    }

    /// <summary>Matches by reference; returns how many matched, adding a difference for every other.</summary>
    private static int Match(ReconciliationRun run, string subject, IEnumerable<Ours> ours, IEnumerable<Ours> theirs, List<ReconciliationDifference> differences)
    {
        var mine = ours.GroupBy(o => o.Reference).ToDictionary(g => g.Key, g => g.Sum(o => o.AmountFen));
        var billed = theirs.GroupBy(o => o.Reference).ToDictionary(g => g.Key, g => g.Sum(o => o.AmountFen));
        var matched = 0;
        foreach (var reference in mine.Keys.Union(billed.Keys).Order(StringComparer.Ordinal))
        {
            long? oursFen = mine.TryGetValue(reference, out var o) ? o : null, theirsFen = billed.TryGetValue(reference, out var b) ? b : null;
            var kind = oursFen is null ? DifferenceKind.MissingHere : theirsFen is null ? DifferenceKind.MissingFromBill : oursFen != theirsFen ? DifferenceKind.AmountDiffers : null;
            if (kind is null) matched++;
            else differences.Add(new ReconciliationDifference
            {
                Day = run.Day, Provider = run.Provider, Subject = subject, Reference = reference, Kind = kind, OursFen = oursFen, TheirsFen = theirsFen,
            });
        }
        return matched;
    }

    /// <summary>
    /// Yesterday (China Standard Time) once the provider's bill is due (<c>Payments:ReconcileAfterHour</c>), unless it was reconciled;
    /// a day whose bill was unavailable is tried again an hour later.
    /// </summary>
    public async Task RunDueAsync(CancellationToken cancel = default)
    {
        var now = time.GetUtcNow().ToOffset(ChinaStandardTime);
        if (now.Hour < options.Value.Payments.ReconcileAfterHour) return;
        var yesterday = DateOnly.FromDateTime(now.Date).AddDays(-1);
        var last = await FindAsync(yesterday);
        if (last is null || (last.Status == ReconciliationStatus.Unavailable && UnixTime.Ms(time.GetUtcNow()) - last.RunMs >= (long)TimeSpan.FromHours(1).TotalMilliseconds))
            await RunAsync(yesterday, cancel);
    }

    public Task<ReconciliationRun?> FindAsync(DateOnly day) =>
        database.QuerySingleAsync<ReconciliationRun>($"SELECT {RunColumns} FROM reconciliation_run WHERE day = @day AND provider = @provider",
            new { day = day.ToString("yyyy-MM-dd"), provider = provider.Name });

    public Task<IReadOnlyList<ReconciliationDifference>> DifferencesAsync(DateOnly day) =>
        database.QueryAsync<ReconciliationDifference>($"SELECT {DifferenceColumns} FROM reconciliation_difference WHERE day = @day AND provider = @provider " +
            "ORDER BY subject, reference", new { day = day.ToString("yyyy-MM-dd"), provider = provider.Name });
}
