using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

namespace ValuePool.Server.Payments.Reconciliation;

/// <summary><c>ours</c>/<c>theirs</c>: yuan, null on the side that lacks it.</summary>
public sealed record ReconciliationDifferenceResponse(string Subject, string Reference, string Kind, string? Ours, string? Theirs);
/// <summary><c>failure</c>: why there is no bill, as a code; <c>failureText</c>: the same in words, in the request's language (Chinese by default).</summary>
public sealed record ReconciliationResponse(string Day, string Provider, string Status, long BillLines, long Matched, string? Failure, string? FailureText,
    DateTimeOffset RunAt, ReconciliationDifferenceResponse[] Differences);

/// <summary>Finance reads a day's reconciliation with the provider's bill, and runs it again (a day in China Standard Time, <c>yyyy-MM-dd</c>).</summary>
public static class ReconciliationApi
{
    public static RouteGroupBuilder MapReconciliationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/payments/reconciliation").WithTags("Payments").RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        api.MapGet("/{day}", Get);
        api.MapPost("/{day}", Run).Logged("reconciliation.run");
        return api;
    }

    /// <summary>404 until the day was reconciled (the daily job does it once the provider's bill is out).</summary>
    public static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem, ProblemHttpResult>> Get(string day, DailyReconciliation reconciliation)
    {
        if (Day(day) is not { } date) return DayProblem();
        if (await reconciliation.FindAsync(date) is not { } run) return ApiProblem.NotFound(new("该日尚未对账", "that day was not reconciled yet"));
        return TypedResults.Ok(await DescribeAsync(run, date, reconciliation));
    }

    public static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem>> Run(string day, DailyReconciliation reconciliation, TimeProvider time)
    {
        if (Day(day) is not { } date || date >= DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DailyReconciliation.ChinaStandardTime).Date)) return DayProblem();
        return TypedResults.Ok(await DescribeAsync(await reconciliation.RunAsync(date), date, reconciliation));
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static ValidationProblem DayProblem()
    {
        var errors = new FieldErrors();
        errors.Add("day", new("须为已结束的一天，格式 yyyy-MM-dd（北京时间）", "a day already over, as yyyy-MM-dd (China Standard Time)"));
        return errors.ToProblem();
    }

    private static async Task<ReconciliationResponse> DescribeAsync(ReconciliationRun run, DateOnly day, DailyReconciliation reconciliation) =>
        new(run.Day, run.Provider, run.Status, run.BillLines, run.Matched, run.Failure, run.Failure is { } code ? BillFailureTexts.Of(code).Text : null, UnixTime.At(run.RunMs),
            (await reconciliation.DifferencesAsync(day)).Select(d => new ReconciliationDifferenceResponse(d.Subject, d.Reference, d.Kind, Yuan(d.OursFen), Yuan(d.TheirsFen))).ToArray());

    private static string? Yuan(long? fen) => fen is { } value ? new Core.Amounts.Money(value).Text() : null;
}
