using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Http;

/// <summary>
/// RFC 7807 problem details with a stable <c>code</c> extension: the engine's <see cref="CommandResult"/>
/// name for ledger refusals, a server code otherwise. Clients branch on the code, people read the detail.
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Of(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "NotFound", $"no {what} has this id");

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up so a client that waits exactly that long is let in.</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, string code, string detail, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, code, detail);
    }

    public static long RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    public static ProblemHttpResult Conflict(string code, string detail) => Of(StatusCodes.Status409Conflict, code, detail);

    /// <summary>The problem for a refused command, or null when the receipt is an acceptance.</summary>
    public static ProblemHttpResult? ForReceipt(Receipt receipt)
    {
        if (receipt.Status == SubmitStatus.KeyConflict)
            return Conflict("IdempotencyKeyConflict", "this idempotency key was used before for a different request");
        return receipt.Result.IsAccepted() ? null : ForResult(receipt.Result);
    }

    public static ProblemHttpResult ForResult(CommandResult result) => Of(StatusOf(result), result.ToString(), result.Describe());

    private static int StatusOf(CommandResult result) => result switch
    {
        CommandResult.UnknownStore or CommandResult.UnknownCard or CommandResult.UnknownWithdrawal => StatusCodes.Status404NotFound,
        CommandResult.DuplicateStore or CommandResult.DuplicateCard or CommandResult.DuplicateWithdrawal or CommandResult.RegionTaken
            or CommandResult.WithdrawalAlreadyReviewed or CommandResult.ConfigAfterFirstOrder or CommandResult.PeriodOverlaps => StatusCodes.Status409Conflict,
        CommandResult.InvalidId or CommandResult.InvalidConfig or CommandResult.InvalidTerms or CommandResult.AmountAboveMaximum or CommandResult.StoreRegionIncomplete
            or CommandResult.RegionLevelMismatch or CommandResult.InvalidPeriod => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
