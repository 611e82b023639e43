using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Webhooks;

namespace ValuePool.Server.Withdrawals;

public sealed record WithdrawalRequestBody(string? Amount);
/// <summary>A rejection's reason, which the operator log keeps and finance's history shows (optional, at most 200 characters).</summary>
public sealed record WithdrawalRejectBody(string? Reason);
/// <summary><c>StoreId</c>: the store whose balance is paid out (a store payout); null for a member's wallet cash.</summary>
public sealed record WithdrawalResponse(string Id, string MemberId, string Amount, string Status, string Fee, DateTimeOffset RequestedAt, string? StoreId);

/// <summary>
/// Cash out (MODEL.md §6): a member asks (the cash leaves the wallet at once), finance approves or
/// rejects once (key <c>withdrawal:{id}:review</c>, so a second review of either kind is refused), never their own.
/// </summary>
public static class WithdrawalsApi
{
    public static RouteGroupBuilder MapWithdrawalsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/withdrawals").WithTags("Withdrawals").RequireAuthorization();
        api.MapPost("/", Request);
        api.MapGet("/", Mine);
        var finance = api.MapGroup("/").RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        finance.MapGet("/pending", Pending);
        finance.MapGet("/reviewed", Reviewed);
        finance.MapGet("/pending/export", (string? format, string? q, string? sort, LedgerGateway ledger, ReviewQueueDetails details) =>
            ExportAsync("withdrawals-pending", format, q, sort, ledger, details, (w, _) => w.Status == WithdrawalStatus.Pending));
        finance.MapGet("/reviewed/export", (string? format, string? status, string? q, string? sort, LedgerGateway ledger, ReviewQueueDetails details) =>
            ExportAsync("withdrawals-reviewed", format, q, sort, ledger, details, ReviewedAs(status), status));
        finance.MapPost("/{id}/approve", (string id, ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, TimeProvider time) =>
            Review(id, true, caller, ledger, writer, time)).Logged("withdrawal.approve", WithdrawalBefore);
        finance.MapPost("/{id}/reject", Reject).Logged("withdrawal.reject", WithdrawalBefore);
        return api;
    }

    /// <summary>Send <c>Idempotency-Key</c> to make a retry safe: the key names the withdrawal.</summary>
    public static async Task<Results<Created<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Request(WithdrawalRequestBody body, HttpRequest http,
        ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, TimeProvider time)
    {
        var errors = new FieldErrors();
        var amount = errors.Money("amount", body.Amount);
        var member = caller.Id();
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.Withdrawal, member, out var key, errors);
        if (errors.Any) return errors.ToProblem();
        var id = IdOf(key);
        var receipt = await ledger.SubmitAsync(key, new RequestWithdrawal(member, id, amount, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var withdrawal = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        await PublishAsync(withdrawal, writer, time);
        return TypedResults.Created($"/api/withdrawals/{id}", Describe(withdrawal));
    }

    /// <summary>A withdrawal's id follows from its scoped idempotency key, so every retry names the same withdrawal.</summary>
    internal static string IdOf(string scopedKey) =>
        "w_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scopedKey)))[..20];

    public static async Task<Ok<WithdrawalResponse[]>> Mine(ClaimsPrincipal caller, LedgerGateway ledger)
    {
        var member = caller.Id();
        return TypedResults.Ok(await ledger.ReadAsync(engine => engine.Withdrawals().Where(w => w.Member == member && w.Store is null).Select(Describe).ToArray()));
    }

    public const int ReasonLengthMax = 200;

    /// <summary>Rejects a withdrawal, its cash returned; the reason (optional) is kept by the operator log with the review.</summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Reject(string id, WithdrawalRejectBody? body,
        ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, TimeProvider time)
    {
        var reason = body?.Reason?.Trim();
        var errors = new FieldErrors();
        if (reason is { Length: > ReasonLengthMax }) errors.Add("reason", FieldErrors.AtMostCharacters(ReasonLengthMax));
        else if (reason is not null && reason.Any(FieldErrors.IsInvisibleControl)) errors.Add("reason", new("不能包含控制字符", "no control characters"));
        if (errors.Any) return errors.ToProblem();
        return await Review(id, false, caller, ledger, writer, time);
    }

    private static async Task<object?> WithdrawalBefore(HttpContext http) =>
        http.Request.RouteValues["id"] is string id
            ? await http.RequestServices.GetRequiredService<LedgerGateway>().ReadAsync(engine => engine.FindWithdrawal(id) is { } w ? Describe(w) : null)
            : null;

    public static readonly SortKeys SortKeys = new(["requestedAt", "amount"], ("requestedAt", false));
    internal static readonly Dictionary<string, Func<Withdrawal, IComparable>> SortValues = new()
    {
        ["requestedAt"] = w => w.RequestedAt, ["amount"] = w => w.Amount.Fen,
    };

    /// <summary>The review queue, oldest first: paged, searched by withdrawal, member or store id (<c>q</c>), sorted by <c>requestedAt</c> or <c>amount</c>.</summary>
    public static Task<Results<Ok<Paged<ReviewQueueItem>>, ValidationProblem>> Pending(string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger, ReviewQueueDetails details) =>
        PageAsync(page, pageSize, q, sort, ledger, details, (w, _) => w.Status == WithdrawalStatus.Pending);

    /// <summary>Finance's history: the withdrawals and payouts already approved or rejected (<c>status</c>: <c>paid</c> or <c>rejected</c> for one kind).</summary>
    public static Task<Results<Ok<Paged<ReviewQueueItem>>, ValidationProblem>> Reviewed(string? status, string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger, ReviewQueueDetails details) =>
        PageAsync(page, pageSize, q, sort, ledger, details, ReviewedAs(status), status);

    private static void ReadReviewedStatus(string? status, FieldErrors errors)
    {
        if (status is not (null or "paid" or "rejected")) errors.Add("status", new("须为 paid 或 rejected", "paid or rejected"));
    }

    private static Func<Withdrawal, ListQuery, bool> ReviewedAs(string? status) => (w, _) => w.Status != WithdrawalStatus.Pending &&
        (status is null || w.Status.ToString().ToLowerInvariant() == status);

    /// <summary>A queue or its history as <c>format</c> = <c>csv</c> or <c>xlsx</c>, with the list's filters and sort (at most 10,000 rows).</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string name, string? format, string? q, string? sort,
        LedgerGateway ledger, ReviewQueueDetails details, Func<Withdrawal, ListQuery, bool> filter, string? status = null)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, SortKeys, errors);
        ReadReviewedStatus(status, errors);
        if (errors.Any) return errors.ToProblem();
        var rows = await ledger.ReadAsync(engine =>
            query.Sorted(Matching(engine, query, filter), SortValues, w => w.Id).Take(Exports.RowsMax).Select(Describe).ToList());
        return Exports.File(name, type, ExportColumns, await details.DescribeAsync(rows));
    }

    private static readonly ExportColumn<ReviewQueueItem>[] ExportColumns =
    [
        ExportColumn<ReviewQueueItem>.Text("提现编号", w => w.Id),
        ExportColumn<ReviewQueueItem>.Text("会员", w => w.MemberId),
        ExportColumn<ReviewQueueItem>.Text("手机号", w => w.MemberPhone),
        ExportColumn<ReviewQueueItem>.Text("门店", w => w.StoreId),
        ExportColumn<ReviewQueueItem>.Text("收款方", w => w.Payee),
        ExportColumn<ReviewQueueItem>.YuanText("金额（元）", w => w.Amount),
        ExportColumn<ReviewQueueItem>.YuanText("手续费（元）", w => w.Fee),
        ExportColumn<ReviewQueueItem>.Text("状态", w => w.Status switch { "pending" => "待审核", "paid" => "已打款", _ => "已拒绝" }),
        ExportColumn<ReviewQueueItem>.Time("申请时间", w => w.RequestedAt),
        ExportColumn<ReviewQueueItem>.Text("审核人", w => w.ReviewerPhone ?? w.ReviewedBy),
        ExportColumn<ReviewQueueItem>.Time("审核时间", w => w.ReviewedAt),
        ExportColumn<ReviewQueueItem>.Text("驳回原因", w => w.RejectReason),
    ];

    /// <summary>Withdrawals live in the engine, so they are filtered, sorted and paged in memory, inside one read of it.</summary>
    private static async Task<Results<Ok<Paged<ReviewQueueItem>>, ValidationProblem>> PageAsync(string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger, ReviewQueueDetails details, Func<Withdrawal, ListQuery, bool> filter, string? status = null)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        ReadReviewedStatus(status, errors);
        if (errors.Any) return errors.ToProblem();
        var found = await ledger.ReadAsync(engine => query.PageOf(Matching(engine, query, filter), SortValues, w => w.Id, Describe));
        return TypedResults.Ok(new Paged<ReviewQueueItem>(await details.DescribeAsync(found.Items), found.Total, found.Page, found.PageSize));
    }

    internal static IEnumerable<Withdrawal> Matching(IEngineView engine, ListQuery query, Func<Withdrawal, ListQuery, bool> filter) =>
        engine.Withdrawals().Where(w => filter(w, query) && query.Matches(w.Id, w.Member, w.Store));

    /// <summary>
    /// Four eyes: the reviewer is never the member who asked, admins included, so no single finance account can pay
    /// itself. A rejection is refused too: the reviewer would be deciding about their own cash either way.
    /// </summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Review(string id, bool approve, ClaimsPrincipal caller, LedgerGateway ledger,
        ServerWriter writer, TimeProvider time)
    {
        var requester = await ledger.ReadAsync(engine => engine.FindWithdrawal(id)?.Member);
        if (requester == caller.Id()) return ApiProblem.Of(StatusCodes.Status403Forbidden, "OwnWithdrawal", new("不能审核自己的提现申请，须由其他财务人员或管理员审核", "nobody reviews their own withdrawal: another finance user or an admin must"));
        var receipt = await ledger.SubmitAsync(LedgerKeys.WithdrawalReview(id), new ReviewWithdrawal(id, approve, time.GetUtcNow()));
        if (receipt.Status == Storage.Sequencing.SubmitStatus.KeyConflict) return ApiProblem.ForResult(CommandResult.WithdrawalAlreadyReviewed);
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var withdrawal = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        if (receipt.Status == Storage.Sequencing.SubmitStatus.Applied) await PublishAsync(withdrawal, writer, time);
        return TypedResults.Ok(Describe(withdrawal));
    }

    internal static Task PublishAsync(Withdrawal withdrawal, ServerWriter writer, TimeProvider time) =>
        writer.WriteAsync((c, t) =>
        {
            WebhookOutbox.Enqueue(c, t, WebhookOutbox.WithdrawalStatusChanged, $"withdrawal:{withdrawal.Id}:{withdrawal.Status}",
                Describe(withdrawal), UnixTime.Ms(time.GetUtcNow()));
            return 0;
        });

    internal static WithdrawalResponse Describe(Withdrawal w) =>
        new(w.Id, w.Member, w.Amount.Text(), w.Status.ToString().ToLowerInvariant(), w.Fee.Text(), w.RequestedAt, w.Store);
}
