using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments;
using ValuePool.Server.Stores;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Shareholders;

/// <summary>A cap-table line: <c>share</c> as a decimal string ("0.04" = 4%), <c>invested</c> in yuan (may be "0.00").</summary>
public sealed record AddShareholderRequest(string? MemberId, string? Share, string? Invested, bool Initiator);
public sealed record ShareholdingResponse(string MemberId, string Share, string Invested, bool Initiator);
public sealed record CapTableResponse(string StoreId, string SharesTotal, IReadOnlyList<ShareholdingResponse> Holdings);

/// <summary>
/// Store shareholders (门店股东, MODEL.md §5): the owner or an admin adds cap-table lines, an investment paid by the
/// investor through the payment provider; the owner,
/// admins and the store's own shareholders see the table. Dividends are paid by the daily settlement
/// (<c>SettlementRunner</c>) once the shares sum to 1.
/// </summary>
public static class ShareholdersApi
{
    public static RouteGroupBuilder MapShareholdersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Shareholders").RequireAuthorization();
        api.MapPost("/stores/{storeId}/shareholders", Add).Logged("shareholder.add");
        api.MapGet("/stores/{storeId}/shareholders", CapTable);
        api.MapGet("/shareholders/me/dividends", Dividends);
        return api;
    }

    /// <summary>
    /// Adds a line; the holder gets the <c>shareholder</c> role. A line with an investment is granted only once the investor's
    /// payment is confirmed (MODEL.md §8), and the investment is booked into the store's balance; a line without one (the
    /// owner's own shares) needs no payment. A line has no natural id, so send <c>Idempotency-Key</c> to make a retry safe
    /// (without one, each request is a new line and a new payment).
    /// </summary>
    public static async Task<Results<Created<CapTableResponse>, Accepted<PlatformPaymentStateResponse>, ValidationProblem, ProblemHttpResult>> Add(string storeId,
        AddShareholderRequest request, string? channel, string? openId, HttpContext http, ClaimsPrincipal caller, StoreDirectory stores, UserStore users,
        LedgerGateway ledger, PlatformPayments payments, TimeProvider time)
    {
        var (_, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以修改股东名册", "only the store's owner and admins change its cap table"));
        if (denied is not null) return denied;
        var errors = new FieldErrors();
        var share = errors.Rate("share", request.Share, max: 1m);
        var invested = errors.MoneyOrZero("invested", request.Invested);
        if (request.MemberId is null || await users.FindAsync(request.MemberId) is null) errors.Add("memberId", FieldErrors.UnknownAccount);
        var keyed = IdempotencyKeys.TryScoped(http.Request, LedgerKeys.Scope.ShareInvestment(storeId), caller.Id(), out var key, errors);
        var payer = OrdersApi.ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();

        var investor = request.MemberId!;
        Func<DateTimeOffset, AddShareholder> line = now => new AddShareholder(storeId, investor, share, invested, request.Initiator, now) { Collected = invested > Money.Zero };
        if (invested == Money.Zero)
        {
            if (ApiProblem.ForReceipt(await ledger.SubmitAsync(key, line(time.GetUtcNow()))) is { } problem) return problem;
            await users.AddRoleAsync(investor, Roles.Shareholder);
        }
        else
        {
            // Shares the table cannot take are refused before the investor is charged (a retry's first attempt took them already).
            if (!keyed || await payments.FindRetryAsync(key) is null)
            {
                if (await ledger.ReadAsync(engine => engine.FindStore(storeId)?.SharesTotal) is not { } total) return ApiProblem.NotFound(Unknown.ApprovedStore);
                if (share > Rate.One - total) return ApiProblem.ForResult(CommandResult.SharesAboveOne);
            }
            var paid = await payments.PayThenApplyAsync(keyed ? key : null, investor, PaymentPurpose.ShareInvestment, storeId, invested, line, payer);
            if (PlatformPaymentsApi.ForOutcome(paid) is { } problem) return problem;
            // Paid, the line's grant made the investor a shareholder in its own transaction (PlatformGrantRows).
            if (PlatformPaymentsApi.ForStarted(paid) is { } started) return started;
        }
        return TypedResults.Created($"/api/stores/{storeId}/shareholders", (await ReadCapTableAsync(storeId, ledger))!);
    }

    public static async Task<Results<Ok<CapTableResponse>, ProblemHttpResult>> CapTable(string storeId, ClaimsPrincipal caller, StoreDirectory stores,
        LedgerGateway ledger)
    {
        var store = await stores.FindAsync(storeId);
        var table = store is null ? null : await ReadCapTableAsync(storeId, ledger);
        if (table is null) return ApiProblem.NotFound(Unknown.ApprovedStore);
        var mayRead = StoresApi.MayManage(caller, store!) || table.Holdings.Any(h => h.MemberId == caller.Id());
        return mayRead ? TypedResults.Ok(table) : ApiProblem.Forbidden(new("只有店主、管理员和门店股东可以查看股东名册", "only the store's owner, admins and its shareholders see its cap table"));
    }

    public static async Task<Ok<RewardRow[]>> Dividends(ClaimsPrincipal caller, RewardHistory rewards) =>
        TypedResults.Ok(await rewards.OfMemberAsync(caller.Id(), TransferKind.ShareholderDividend, TransferKind.InitiatorBonus));

    /// <summary>The cap table as the engine holds it; null while the engine does not know the store (not approved).</summary>
    private static Task<CapTableResponse?> ReadCapTableAsync(string storeId, LedgerGateway ledger) =>
        ledger.ReadAsync(engine => engine.CapTableOf(storeId) is { } lines
            ? new CapTableResponse(storeId, engine.FindStore(storeId)!.SharesTotal.ToString(),
                lines.Select(h => new ShareholdingResponse(h.MemberId, h.Share.ToString(), h.Invested.Text(), h.Initiator)).ToArray())
            : null);
}
