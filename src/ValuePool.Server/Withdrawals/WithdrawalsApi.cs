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

/// <summary>
/// <c>payeeAccount</c>: where the provider transfers it once approved (the payee's WeChat openid, or Alipay logon id with
/// <c>payeeName</c>); absent, finance pays it by hand.
/// </summary>
public sealed record WithdrawalRequestBody(string? Amount, string? PayeeAccount = null, string? PayeeName = null);
/// <summary>
/// How an approved withdrawal reaches its payee: <c>status</c> <c>awaiting</c>, <c>transferring</c>, <c>transferred</c>,
/// <c>failed</c> (the money went back) or <c>paidByHand</c> (with <c>bankReference</c>).
/// </summary>
public sealed record PayoutResponse(string Status, string? Provider, string? PayeeAccount, string? Failure, string? BankReference, DateTimeOffset? FinishedAt);
/// <summary>
/// <c>StoreId</c>: the store whose balance is paid out (a store payout); null for a member's wallet cash. <c>status</c>:
/// pending, paid (approved), rejected, or returned (approved, but the transfer failed and the money went back).
/// </summary>
public sealed record WithdrawalResponse(string Id, string MemberId, string Amount, string Status, string Fee, DateTimeOffset RequestedAt, string? StoreId,
    PayoutResponse? Payout = null);
public sealed record MarkPaidRequest(string? BankReference);
/// <summary>A rejection's reason, which the operator log keeps and finance's history shows (optional, at most 200 characters).</summary>
public sealed record WithdrawalRejectBody(string? Reason);

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
        finance.MapGet("/pending/export", (string? format, string? q, string? sort, LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details) =>
            ExportAsync("withdrawals-pending", format, q, sort, ledger, payouts, details, (w, _) => w.Status == WithdrawalStatus.Pending));
        finance.MapGet("/reviewed/export", (string? format, string? status, string? q, string? sort, LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details) =>
            ExportAsync("withdrawals-reviewed", format, q, sort, ledger, payouts, details, ReviewedAs(status), status));
        finance.MapPost("/{id}/approve", (string id, ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, Payouts payouts, TimeProvider time) =>
            Review(id, true, caller, ledger, writer, payouts, time)).Logged("withdrawal.approve", WithdrawalBefore);
        finance.MapPost("/{id}/reject", Reject).Logged("withdrawal.reject", WithdrawalBefore);
        finance.MapPost("/{id}/mark-paid", MarkPaid).Logged("withdrawal.markPaid", WithdrawalBefore);
        api.MapGet("/{id}", Get);
        return api;
    }

    /// <summary>Send <c>Idempotency-Key</c> to make a retry safe: the key names the withdrawal.</summary>
    public static async Task<Results<Created<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Request(WithdrawalRequestBody body, HttpRequest http,
        ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, Payouts payouts, TimeProvider time)
    {
        var errors = new FieldErrors();
        var amount = errors.Money("amount", body.Amount);
        var payee = ReadPayee(body.PayeeAccount, body.PayeeName, errors);
        var member = caller.Id();
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.Withdrawal, member, out var key, errors);
        if (errors.Any) return errors.ToProblem();
        var id = IdOf(key);
        var receipt = await ledger.SubmitAsync(key, new RequestWithdrawal(member, id, amount, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var withdrawal = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        if (payee is { } account) await payouts.RecordPayeeAsync(id, account.Account, account.Name);
        await PublishAsync(withdrawal, writer, time);
        return TypedResults.Created($"/api/withdrawals/{id}", Describe(withdrawal, await payouts.FindAsync(id)));
    }

    internal static (string Account, string? Name)? ReadPayee(string? account, string? name, FieldErrors errors)
    {
        if (account is null) return null;
        var read = (errors.Text("payeeAccount", account, 64), name is null ? null : errors.Text("payeeName", name, 40));
        return errors.Any ? null : read;
    }

    /// <summary>A withdrawal or store payout with how it is paid: for the member who asked, and finance.</summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal caller, LedgerGateway ledger, Payouts payouts)
    {
        var withdrawal = await ledger.ReadAsync(engine => engine.FindWithdrawal(id));
        if (withdrawal is null) return ApiProblem.ForResult(CommandResult.UnknownWithdrawal);
        if (withdrawal.Member != caller.Id() && !caller.IsInRole(Roles.Finance) && !caller.IsInRole(Roles.Admin))
            return ApiProblem.Forbidden(new("只有申请人和财务人员可以查看提现", "only the member who asked and finance see a withdrawal"));
        return TypedResults.Ok(Describe(withdrawal, await payouts.FindAsync(id)));
    }

    /// <summary>
    /// Finance paid an approved withdrawal by hand (a bank transfer): recorded with the bank's reference. Refused for one not
    /// approved, one whose provider transfer is in flight or done, and one the finance user asked for.
    /// </summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> MarkPaid(string id, MarkPaidRequest body, ClaimsPrincipal caller,
        LedgerGateway ledger, Payouts payouts)
    {
        var errors = new FieldErrors();
        var reference = errors.Text("bankReference", body.BankReference, 64);
        if (errors.Any) return errors.ToProblem();
        var withdrawal = await ledger.ReadAsync(engine => engine.FindWithdrawal(id));
        if (withdrawal is null) return ApiProblem.ForResult(CommandResult.UnknownWithdrawal);
        if (withdrawal.Member == caller.Id()) return ApiProblem.Of(StatusCodes.Status403Forbidden, "OwnWithdrawal", new("不能为自己的提现登记打款", "nobody records the payment of their own withdrawal"));
        if (withdrawal.Status != WithdrawalStatus.Paid) return ApiProblem.ForResult(CommandResult.WithdrawalNotPaid);
        if (!await payouts.MarkPaidByHandAsync(id, reference, caller.Id()))
            return ApiProblem.Conflict("PayoutAlreadyMade", new("该提现已通过支付机构转账或已登记打款", "the withdrawal was transferred through the provider or already recorded as paid"));
        return TypedResults.Ok(Describe(withdrawal, await payouts.FindAsync(id)));
    }

    /// <summary>A withdrawal's id follows from its scoped idempotency key, so every retry names the same withdrawal.</summary>
    internal static string IdOf(string scopedKey) =>
        "w_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scopedKey)))[..20];

    public static async Task<Ok<WithdrawalResponse[]>> Mine(ClaimsPrincipal caller, LedgerGateway ledger, Payouts payouts)
    {
        var member = caller.Id();
        var mine = await ledger.ReadAsync(engine => engine.Withdrawals().Where(w => w.Member == member && w.Store is null).ToArray());
        var paid = await payouts.OfAsync(mine.Select(w => w.Id).ToArray());
        return TypedResults.Ok(mine.Select(w => Describe(w, paid.GetValueOrDefault(w.Id))).ToArray());
    }

    public const int ReasonLengthMax = 200;

    /// <summary>Rejects a withdrawal, its cash returned; the reason (optional) is kept by the operator log with the review.</summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Reject(string id, WithdrawalRejectBody? body,
        ClaimsPrincipal caller, LedgerGateway ledger, ServerWriter writer, Payouts payouts, TimeProvider time)
    {
        var reason = body?.Reason?.Trim();
        var errors = new FieldErrors();
        if (reason is { Length: > ReasonLengthMax }) errors.Add("reason", FieldErrors.AtMostCharacters(ReasonLengthMax));
        else if (reason is not null && reason.Any(FieldErrors.IsInvisibleControl)) errors.Add("reason", new("不能包含控制字符", "no control characters"));
        if (errors.Any) return errors.ToProblem();
        return await Review(id, false, caller, ledger, writer, payouts, time);
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
        LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details) =>
        PageAsync(page, pageSize, q, sort, ledger, payouts, details, (w, _) => w.Status == WithdrawalStatus.Pending);

    /// <summary>Finance's history: the withdrawals and payouts already reviewed (<c>status</c>: <c>paid</c>, <c>rejected</c> or <c>returned</c> for one kind).</summary>
    public static Task<Results<Ok<Paged<ReviewQueueItem>>, ValidationProblem>> Reviewed(string? status, string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details) =>
        PageAsync(page, pageSize, q, sort, ledger, payouts, details, ReviewedAs(status), status);

    private static void ReadReviewedStatus(string? status, FieldErrors errors)
    {
        if (status is not (null or "paid" or "rejected" or "returned")) errors.Add("status", new("须为 paid、rejected 或 returned", "paid, rejected or returned"));
    }

    private static Func<Withdrawal, ListQuery, bool> ReviewedAs(string? status) => (w, _) => w.Status != WithdrawalStatus.Pending &&
        (status is null || w.Status.ToString().ToLowerInvariant() == status);

    /// <summary>A queue or its history as <c>format</c> = <c>csv</c> or <c>xlsx</c>, with the list's filters and sort (at most 10,000 rows).</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string name, string? format, string? q, string? sort,
        LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details, Func<Withdrawal, ListQuery, bool> filter, string? status = null)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, SortKeys, errors);
        ReadReviewedStatus(status, errors);
        if (errors.Any) return errors.ToProblem();
        var rows = await ledger.ReadAsync(engine => query.Sorted(Matching(engine, query, filter), SortValues, w => w.Id).Take(Exports.RowsMax).ToList());
        return Exports.File(name, type, ExportColumns, await ForReviewAsync(rows, payouts, details));
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
        ExportColumn<ReviewQueueItem>.Text("状态", w => w.Status switch
        {
            "pending" => "待审核", "paid" => "已打款", "returned" => "转账失败已退回", _ => "已拒绝",
        }),
        ExportColumn<ReviewQueueItem>.Time("申请时间", w => w.RequestedAt),
        ExportColumn<ReviewQueueItem>.Text("审核人", w => w.ReviewerPhone ?? w.ReviewedBy),
        ExportColumn<ReviewQueueItem>.Time("审核时间", w => w.ReviewedAt),
        ExportColumn<ReviewQueueItem>.Text("驳回原因", w => w.RejectReason),
        ExportColumn<ReviewQueueItem>.Text("银行流水号", w => w.Payout?.BankReference),
    ];

    /// <summary>Withdrawals live in the engine, so they are filtered, sorted and paged in memory, inside one read of it.</summary>
    private static async Task<Results<Ok<Paged<ReviewQueueItem>>, ValidationProblem>> PageAsync(string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger, Payouts payouts, ReviewQueueDetails details, Func<Withdrawal, ListQuery, bool> filter, string? status = null)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        ReadReviewedStatus(status, errors);
        if (errors.Any) return errors.ToProblem();
        var found = await ledger.ReadAsync(engine => query.PageOf(Matching(engine, query, filter), SortValues, w => w.Id, w => w));
        return TypedResults.Ok(new Paged<ReviewQueueItem>(await ForReviewAsync(found.Items, payouts, details), found.Total, found.Page, found.PageSize));
    }

    /// <summary>Withdrawals as finance sees them: with their payouts (where the money went) and the details of <see cref="ReviewQueueDetails"/>.</summary>
    private static async Task<IReadOnlyList<ReviewQueueItem>> ForReviewAsync(IReadOnlyList<Withdrawal> withdrawals, Payouts payouts, ReviewQueueDetails details)
    {
        var paid = await payouts.OfAsync(withdrawals.Select(w => w.Id).ToArray());
        return await details.DescribeAsync(withdrawals.Select(w => Describe(w, paid.GetValueOrDefault(w.Id))));
    }

    internal static IEnumerable<Withdrawal> Matching(IEngineView engine, ListQuery query, Func<Withdrawal, ListQuery, bool> filter) =>
        engine.Withdrawals().Where(w => filter(w, query) && query.Matches(w.Id, w.Member, w.Store));

    /// <summary>
    /// Four eyes: the reviewer is never the member who asked, admins included, so no single finance account can pay
    /// itself. A rejection is refused too: the reviewer would be deciding about their own cash either way.
    /// </summary>
    public static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Review(string id, bool approve, ClaimsPrincipal caller, LedgerGateway ledger,
        ServerWriter writer, Payouts payouts, TimeProvider time)
    {
        var requester = await ledger.ReadAsync(engine => engine.FindWithdrawal(id)?.Member);
        if (requester == caller.Id()) return ApiProblem.Of(StatusCodes.Status403Forbidden, "OwnWithdrawal", new("不能审核自己的提现申请，须由其他财务人员或管理员审核", "nobody reviews their own withdrawal: another finance user or an admin must"));
        var receipt = await ledger.SubmitAsync(LedgerKeys.WithdrawalReview(id), new ReviewWithdrawal(id, approve, time.GetUtcNow()));
        if (receipt.Status == Storage.Sequencing.SubmitStatus.KeyConflict) return ApiProblem.ForResult(CommandResult.WithdrawalAlreadyReviewed);
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var withdrawal = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        if (receipt.Status == Storage.Sequencing.SubmitStatus.Applied) await PublishAsync(withdrawal, writer, time);
        // Approved with a payee account on file: paid through the provider's transfer at once (a retry of the approval finds it claimed).
        var payout = approve ? await payouts.TransferAsync(withdrawal) : await payouts.FindAsync(id);
        if (payout?.Status == PayoutStatus.Failed) withdrawal = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        return TypedResults.Ok(Describe(withdrawal, payout));
    }

    internal static Task PublishAsync(Withdrawal withdrawal, ServerWriter writer, TimeProvider time) =>
        writer.WriteAsync((c, t) =>
        {
            WebhookOutbox.Enqueue(c, t, WebhookOutbox.WithdrawalStatusChanged, $"withdrawal:{withdrawal.Id}:{withdrawal.Status}",
                Describe(withdrawal), UnixTime.Ms(time.GetUtcNow()));
            return 0;
        });

    internal static WithdrawalResponse Describe(Withdrawal w) => Describe(w, null);

    internal static WithdrawalResponse Describe(Withdrawal w, Payout? payout) =>
        new(w.Id, w.Member, w.Amount.Text(), w.Status.ToString().ToLowerInvariant(), w.Fee.Text(), w.RequestedAt, w.Store,
            payout is null ? null : new PayoutResponse(payout.Status, payout.Provider, payout.PayeeAccount, payout.Failure, payout.BankReference, UnixTime.At(payout.FinishedMs)));
}
