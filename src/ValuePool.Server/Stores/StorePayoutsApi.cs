using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Withdrawals;

namespace ValuePool.Server.Stores;

/// <summary><c>payeeAccount</c>/<c>payeeName</c>: as for a member's withdrawal, the merchant's account at the provider.</summary>
public sealed record StorePayoutRequest(string? Amount, string? PayeeAccount = null, string? PayeeName = null);

/// <summary>
/// A store's balance paid out to its merchant (MODEL.md §6, §8): the owner asks, the amount leaves the balance at once,
/// and finance reviews it in the same queue as members' withdrawals (approve pays it, reject returns it to the balance).
/// </summary>
public static class StorePayoutsApi
{
    public static RouteGroupBuilder MapStorePayoutsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/stores/{storeId}/payouts").WithTags("Stores").RequireAuthorization();
        api.MapPost("/", Request).Logged("payout.request");
        api.MapGet("/", OfStore);
        return api;
    }

    /// <summary>Send <c>Idempotency-Key</c> to make a retry safe: the key names the payout.</summary>
    public static async Task<Results<Created<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> Request(string storeId, StorePayoutRequest body,
        HttpRequest http, ClaimsPrincipal caller, StoreDirectory stores, LedgerGateway ledger, ServerWriter writer, Payouts payouts, TimeProvider time)
    {
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (store.OwnerId != caller.Id()) return ApiProblem.Forbidden(new("只有店主可以申请门店提现", "only the store's owner asks for its payouts"));
        var errors = new FieldErrors();
        var amount = errors.Money("amount", body.Amount);
        var payee = WithdrawalsApi.ReadPayee(body.PayeeAccount, body.PayeeName, errors);
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.StorePayout(storeId), caller.Id(), out var key, errors);
        if (errors.Any) return errors.ToProblem();
        var id = WithdrawalsApi.IdOf(key);
        var receipt = await ledger.SubmitAsync(key, new RequestStorePayout(storeId, caller.Id(), id, amount, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var payout = (await ledger.ReadAsync(engine => engine.FindWithdrawal(id)))!;
        if (payee is { } account) await payouts.RecordPayeeAsync(id, account.Account, account.Name);
        await WithdrawalsApi.PublishAsync(payout, writer, time);
        return TypedResults.Created($"/api/stores/{storeId}/payouts", WithdrawalsApi.Describe(payout, await payouts.FindAsync(id)));
    }

    /// <summary>The store's payouts, newest first, paged (<c>page</c>, <c>pageSize</c>), sorted by <c>requestedAt</c> or <c>amount</c>, each with its payout.</summary>
    public static async Task<Results<Ok<Paged<WithdrawalResponse>>, ValidationProblem, ProblemHttpResult>> OfStore(string storeId, string? page, string? pageSize,
        string? sort, ClaimsPrincipal caller, StoreDirectory stores, LedgerGateway ledger, Payouts payouts)
    {
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!StoresApi.MayManage(caller, store)) return ApiProblem.Forbidden(new("只有店主和管理员可以查看门店提现", "only the store's owner and admins see its payouts"));
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, null, sort ?? "-requestedAt", WithdrawalsApi.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var found = await ledger.ReadAsync(engine =>
            query.PageOf(engine.Withdrawals().Where(w => w.Store == storeId), WithdrawalsApi.SortValues, w => w.Id, w => w));
        var paid = await payouts.OfAsync(found.Items.Select(w => w.Id).ToArray());
        return TypedResults.Ok(new Paged<WithdrawalResponse>(found.Items.Select(w => WithdrawalsApi.Describe(w, paid.GetValueOrDefault(w.Id))).ToArray(),
            found.Total, found.Page, found.PageSize));
    }
}
