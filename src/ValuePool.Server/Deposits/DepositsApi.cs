using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments;
using ValuePool.Server.Stores;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Deposits;

public sealed record TopUpRequest(string? Amount);
/// <summary>
/// <c>kind</c>: <c>topUp</c> (in) or <c>tillCommission</c> (out: an offline till sale's commission); <c>amount</c> is signed;
/// <c>at</c>: when it happened (its journal entry's time).
/// </summary>
public sealed record DepositMovementResponse(long Sequence, string Kind, string Amount, string Source, DateTimeOffset? At);
public sealed record DepositResponse(string StoreId, string Balance, IReadOnlyList<DepositMovementResponse> Movements);
public sealed record TopUpResponse(bool Replayed, PlatformPaymentResponse Payment, DepositResponse Deposit);

/// <summary>
/// Merchants' prepaid deposits (商家预存让利款, MODEL.md §8): the store's owner or an admin tops the deposit up through the
/// payment provider, and sees its balance and every movement: top-ups in, offline till sales' commissions out.
/// </summary>
public static class DepositsApi
{
    public const string TopUp = "topUp";
    public const string TillCommission = "tillCommission";

    public static RouteGroupBuilder MapDepositsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/stores/{storeId}/deposit").WithTags("Deposits").RequireAuthorization();
        api.MapGet("/", Get);
        api.MapPost("/top-ups", AddTopUp).Logged("deposit.topUp");
        return api;
    }

    /// <summary>
    /// Pays <c>amount</c> into the deposit; only the confirmed payment submits <c>TopUpDeposit</c>. A real provider answers 202
    /// with what the payer does next (<c>channel</c>: <c>qr</c>, <c>inApp</c> with <c>openId</c>, or <c>mobileWeb</c>) and the
    /// payment to poll (<c>GET /api/payments/{id}</c>); its verified notification tops the deposit up. Send <c>Idempotency-Key</c>
    /// to make a retry safe: it answers the same payment.
    /// </summary>
    public static async Task<Results<Created<TopUpResponse>, Accepted<PlatformPaymentStateResponse>, ValidationProblem, ProblemHttpResult>> AddTopUp(string storeId,
        TopUpRequest request, string? channel, string? openId, HttpContext http, ClaimsPrincipal caller, StoreDirectory stores, LedgerGateway ledger,
        PlatformPayments payments, DepositHistory history)
    {
        var (store, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以为门店充值预存款", "only the store's owner and admins top up its deposit"));
        if (denied is not null) return denied;
        if (!store!.IsApproved) return ApiProblem.NotFound(Unknown.ApprovedStore);
        var errors = new FieldErrors();
        var amount = errors.Money("amount", request.Amount);
        var amountMax = await ledger.ReadAsync(engine => engine.Config.AmountMax);
        if (amount > amountMax) errors.Add("amount", new($"单笔充值不能超过 ¥{amountMax.Text()}", $"at most {amountMax.Text()}"));
        var keyed = IdempotencyKeys.TryScoped(http.Request, LedgerKeys.Scope.DepositTopUp(storeId), caller.Id(), out var key, errors);
        var payer = OrdersApi.ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();

        var paid = await payments.PayThenApplyAsync(keyed ? key : null, caller.Id(), PaymentPurpose.DepositTopUp, storeId, amount,
            now => new TopUpDeposit(storeId, amount, now), payer);
        if (PlatformPaymentsApi.ForOutcome(paid) is { } problem) return problem;
        if (PlatformPaymentsApi.ForStarted(paid) is { } started) return started;
        return TypedResults.Created($"/api/stores/{storeId}/deposit", new TopUpResponse(paid.Receipt?.Status != SubmitStatus.Applied,
            PlatformPaymentsApi.Describe(paid.Payment!), await DescribeAsync(storeId, ledger, history)));
    }

    public static async Task<Results<Ok<DepositResponse>, ProblemHttpResult>> Get(string storeId, ClaimsPrincipal caller, StoreDirectory stores,
        LedgerGateway ledger, DepositHistory history)
    {
        var (_, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以查看门店的预存款", "only the store's owner and admins see its deposit"));
        if (denied is not null) return denied;
        return TypedResults.Ok(await DescribeAsync(storeId, ledger, history));
    }

    /// <summary>The balance and the movements, every durable one (the projections are synced first).</summary>
    private static async Task<DepositResponse> DescribeAsync(string storeId, LedgerGateway ledger, DepositHistory history)
    {
        var movements = await history.OfStoreAsync(storeId);
        var balance = await ledger.ReadAsync(engine => engine.FindStore(storeId)?.Deposit ?? Core.Amounts.Money.Zero);
        return new DepositResponse(storeId, balance.Text(), movements.Select(m =>
            new DepositMovementResponse(m.Sequence, m.AmountFen > 0 ? TopUp : TillCommission, AmountJson.FenText(m.AmountFen), m.Source, m.At)).ToArray());
    }
}
