using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Http;

/// <summary>
/// RFC 7807 problem details with a stable <c>code</c> extension: the engine's <see cref="CommandResult"/>
/// name for ledger refusals, a server code otherwise. Clients branch on the code, people read the title and detail,
/// in the request's language (<see cref="Bilingual"/>, <see cref="ProblemLanguage"/>).
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Of(int status, string code, Bilingual detail) =>
        TypedResults.Problem(detail: detail.Text, statusCode: status, title: ProblemTexts.Title(status).Text,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>404 <c>NotFound</c>; the common details are <see cref="Unknown"/>'s.</summary>
    public static ProblemHttpResult NotFound(Bilingual detail) => Of(StatusCodes.Status404NotFound, "NotFound", detail);

    public static ProblemHttpResult Forbidden(Bilingual detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up so a client that waits exactly that long is let in.</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, string code, Bilingual detail, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, code, detail);
    }

    public static long RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    public static ProblemHttpResult Conflict(string code, Bilingual detail) => Of(StatusCodes.Status409Conflict, code, detail);

    /// <summary>The problem for a refused command, or null when the receipt is an acceptance.</summary>
    public static ProblemHttpResult? ForReceipt(Receipt receipt)
    {
        if (receipt.Status == SubmitStatus.KeyConflict) return KeyConflict();
        return receipt.Result.IsAccepted() ? null : ForResult(receipt.Result);
    }

    /// <summary>The provider refused the charge or did not answer: nothing was charged, and asking again asks it again.</summary>
    public static ProblemHttpResult ProviderFailed(string failure) => Of(StatusCodes.Status502BadGateway, "PaymentProviderFailed",
        new($"支付机构未能受理支付（{failure}），请稍后重试", $"the payment provider did not take the payment ({failure}); try again later"));

    public static ProblemHttpResult KeyConflict() => Conflict("IdempotencyKeyConflict", new("该幂等键（Idempotency-Key）已用于另一个不同的请求",
        "this idempotency key was used before for a different request"));

    public static ProblemHttpResult ForResult(CommandResult result) => Of(StatusOf(result), result.ToString(), CommandResultTexts.Of(result));

    private static int StatusOf(CommandResult result) => result switch
    {
        CommandResult.UnknownStore or CommandResult.UnknownCard or CommandResult.UnknownWithdrawal => StatusCodes.Status404NotFound,
        CommandResult.DuplicateStore or CommandResult.DuplicateCard or CommandResult.DuplicateWithdrawal or CommandResult.RegionTaken
            or CommandResult.WithdrawalAlreadyReviewed or CommandResult.WithdrawalNotPaid or CommandResult.ConfigAfterFirstOrder or CommandResult.PeriodOverlaps or CommandResult.DividendPeriodOverlaps => StatusCodes.Status409Conflict,
        CommandResult.InvalidId or CommandResult.InvalidConfig or CommandResult.InvalidTerms or CommandResult.AmountAboveMaximum or CommandResult.StoreRegionIncomplete
            or CommandResult.RegionLevelMismatch or CommandResult.InvalidPeriod => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}

/// <summary>The details of the 404s many endpoints answer, each in both languages once.</summary>
public static class Unknown
{
    public static readonly Bilingual Store = new("门店不存在", "no store has this id");
    public static readonly Bilingual ApprovedStore = new("门店不存在或尚未通过审核", "no approved store has this id");
    public static readonly Bilingual Order = new("订单不存在", "no order has this id");
    public static readonly Bilingual Account = new("账户不存在", "no account has this id");
    public static readonly Bilingual Member = new("会员不存在", "no member has this id");
    public static readonly Bilingual Product = new("商品不存在", "no product has this id");
    public static readonly Bilingual ShareLink = new("分享链接不存在", "no share link has this code");
    public static readonly Bilingual PlatformPayment = new("付款记录不存在", "no payment of yours has this id");
}
