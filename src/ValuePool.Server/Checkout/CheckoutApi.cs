using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;
using ValuePool.Storage.Sequencing;

using ValuePool.Server.Audit;

namespace ValuePool.Server.Checkout;

/// <summary><c>benefit</c>: <c>dailySpecial</c> or <c>freeItem</c> (the card's); absent = the card's discount only, if the member holds a card.</summary>
public sealed record CheckoutRequest(string? MemberId, string? Amount, string? Benefit);
public sealed record CheckoutResponse(bool Replayed, string StoreId, string MemberId, string Amount, string Benefit, string Charged, DateTimeOffset At);

/// <summary>
/// A store's till (MODEL.md §5 membership cards): the owner or an admin records a member's in-store
/// purchase, paid at the counter, and the engine applies the member's card: the discount always, the
/// daily special or the free item when asked. The charge shown is the engine's (the receipt's booked order), never re-computed here.
/// The customer paid the merchant, not the platform, so the sale's commission is taken from the store's prepaid
/// deposit and the sale is refused (InsufficientDeposit) when the deposit cannot cover it (MODEL.md §8).
/// </summary>
public static class CheckoutApi
{
    public static RouteGroupBuilder MapCheckoutApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Checkout").RequireAuthorization();
        api.MapPost("/stores/{storeId}/checkout", Checkout).Logged("checkout");
        api.MapGet("/checkouts", Mine);
        return api;
    }

    /// <summary>Send <c>Idempotency-Key</c> to make a retry safe: it answers the first charge.</summary>
    public static async Task<Results<Ok<CheckoutResponse>, ValidationProblem, ProblemHttpResult>> Checkout(string storeId, CheckoutRequest request,
        HttpRequest http, ClaimsPrincipal caller, StoreDirectory stores, UserStore users, LedgerGateway ledger, CheckoutLog log,
        TimeProvider time)
    {
        var (_, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以使用门店收银", "only the store's owner and admins run its checkout"));
        if (denied is not null) return denied;
        var errors = new FieldErrors();
        var amount = errors.Money("amount", request.Amount);
        // At the till the card prices the order unless the cashier picks another benefit.
        var benefit = errors.Choice("benefit", request.Benefit, CheckoutBenefit.CardDiscount);
        if (request.MemberId is null || await users.FindAsync(request.MemberId) is null) errors.Add("memberId", FieldErrors.UnknownAccount);
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.Checkout(storeId), caller.Id(), out var key, errors);
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        var receipt = await ledger.SubmitAsync(key, new Consume(request.MemberId!, storeId, amount, now) { Benefit = benefit, Payment = OrderPayment.OfflineTill });
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        if (receipt.Status == SubmitStatus.Duplicate)
            return await log.FindAsync(key) is { } first
                ? TypedResults.Ok(Describe(first, replayed: true))
                : ApiProblem.Conflict("CheckoutUnrecorded", new("收银已入账，但服务器在记录收款前停止了；请查看会员的钱包记录", "the checkout was applied but the server stopped before recording its charge; see the member's wallet history"));
        var checkout = new CheckoutRecord
        {
            IdempotencyKey = key, StoreId = storeId, MemberId = request.MemberId!, AmountFen = amount.Fen,
            Benefit = benefit.Text(), ChargedFen = receipt.Order!.Value.Charged.Fen, CreatedMs = UnixTime.Ms(now),
        };
        await log.AddAsync(checkout);
        return TypedResults.Ok(Describe(checkout, replayed: false));
    }

    /// <summary>The caller's own checkouts at any store, newest first, with what each was charged.</summary>
    public static readonly SortKeys SortKeys = new(["at", "amount"], ("at", true));
    private static readonly Dictionary<string, Func<CheckoutRecord, IComparable>> SortValues = new()
    {
        ["at"] = checkout => checkout.CreatedMs, ["amount"] = checkout => checkout.AmountFen,
    };

    /// <summary>The caller's till sales, newest first, paged (<c>page</c>, <c>pageSize</c>), sorted by <c>at</c> or <c>amount</c>.</summary>
    public static async Task<Results<Ok<Paged<CheckoutResponse>>, ValidationProblem>> Mine(string? page, string? pageSize, string? sort, ClaimsPrincipal caller,
        CheckoutLog log)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, null, sort, SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(query.PageOf(await log.OfMemberAsync(caller.Id()), SortValues, checkout => checkout.IdempotencyKey, checkout => Describe(checkout, replayed: false)));
    }

    private static CheckoutResponse Describe(CheckoutRecord checkout, bool replayed) =>
        new(replayed, checkout.StoreId, checkout.MemberId, new Money(checkout.AmountFen).Text(), checkout.Benefit, new Money(checkout.ChargedFen).Text(),
            UnixTime.At(checkout.CreatedMs));
}
