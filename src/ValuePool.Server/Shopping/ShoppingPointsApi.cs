using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments;
using ValuePool.Server.Ledger;
using ValuePool.Server.Products;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Shopping;

public sealed record ShoppingLotResponse(string StoreId, string Points, string Day);
public sealed record ShoppingPointsExpiryResponse(string Points, string On);
public sealed record ShoppingPointsResponse(string Balance, IReadOnlyList<ShoppingLotResponse> Lots, ShoppingPointsExpiryResponse? NextExpiry);
public sealed record ShoppingPurchaseRequest(string? ProductId, int? Quantity, string? ShoppingPoints);
public sealed record ShoppingPurchaseResponse(bool Replayed, string ProductId, string Amount, string ShoppingPoints, string Cash, ShoppingPointsResponse Holdings);

/// <summary>
/// Shopping points (购物积分, MODEL.md §4): the caller's balance, lots and next expiry, and buying a
/// platform product with up to 70% of its price in shopping points. The issuing stores' rebates arrive
/// in their balance (<c>GET /api/stores/{id}/account</c>).
/// </summary>
public static class ShoppingPointsApi
{
    // The same bound as a product order: a quantity beyond it is a client bug, not a purchase.
    private const int QuantityMax = 1000;

    public static RouteGroupBuilder MapShoppingPointsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/shopping-points").WithTags("Shopping points").RequireAuthorization();
        api.MapGet("/", Get);
        api.MapPost("/purchases", Buy);
        return api;
    }

    public static async Task<Ok<ShoppingPointsResponse>> Get(ClaimsPrincipal caller, LedgerGateway ledger)
    {
        var id = caller.Id();
        return TypedResults.Ok(await ledger.ReadAsync(engine => Describe(id, engine)));
    }

    /// <summary>
    /// A platform product (自营) paid partly in shopping points, oldest lots first; the rest is cash collected
    /// through the payment provider and recorded as a completed order of the product. The simulated provider confirms at once, so
    /// the purchase is final at once (200). A real one answers 202 with what the payer does next (query <c>channel</c>,
    /// <c>openId</c>) and the payment to poll (<c>GET /api/payments/{id}</c>): the points are not held meanwhile, and are checked
    /// and spent only when the verified notification (or the provider's signed answer) grants the purchase; spent elsewhere
    /// meanwhile, the purchase is refused and its cash due back (<c>refundDue</c>). Send <c>Idempotency-Key</c> to make a retry
    /// safe: it answers the same purchase, or the same payment.
    /// </summary>
    public static async Task<Results<Ok<ShoppingPurchaseResponse>, Accepted<PlatformPaymentStateResponse>, ValidationProblem, ProblemHttpResult>> Buy(
        ShoppingPurchaseRequest request, string? channel, string? openId, HttpContext http, ClaimsPrincipal caller, ProductCatalog catalog,
        LedgerGateway ledger, PaidPurchase purchase)
    {
        var errors = new FieldErrors();
        var used = errors.ShoppingPoints("shoppingPoints", request.ShoppingPoints);
        var quantity = request.Quantity ?? 1;
        if (quantity is < 1 or > QuantityMax) errors.Add("quantity", new($"数量须在 1 到 {QuantityMax} 之间", $"1 to {QuantityMax}"));
        var product = request.ProductId is null ? null : await catalog.FindAsync(request.ProductId);
        if (product is not { StoreId: null }) errors.Add("productId", new("平台商品不存在", "no platform product has this id"));
        var amount = product is null ? Money.Zero : new Money(checked(product.PriceFen * quantity));
        if (product is not null && used.Worth >= amount) errors.Add("shoppingPoints", new("购物积分只能抵扣部分价格，其余须用现金支付", "shopping points pay only part of the price; the rest is cash"));
        var id = caller.Id();
        var keyed = IdempotencyKeys.TryScoped(http.Request, LedgerKeys.Scope.ShoppingPurchase, id, out var key, errors);
        var payer = OrdersApi.ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();

        var cash = amount - used.Worth;
        Func<DateTimeOffset, BuyWithShoppingPoints> buy = now => new BuyWithShoppingPoints(id, amount, used, now);
        // Before a real provider charges: a purchase the engine would refuse now is refused uncharged (a retry's first attempt passed).
        if (purchase.AwaitsProvider && !await purchase.IsRetryAsync(keyed ? key : null) &&
            await ledger.ReadAsync(engine => engine.RefusalOf(buy(DateTimeOffset.UnixEpoch))) is { } refusal)
            return ApiProblem.ForResult(refusal);
        var paid = await purchase.PayAsync(keyed ? key : null, id, PaymentPurpose.ShoppingPurchase, null, product!.Id, cash, buy, payer);
        if (paid.Problem is { } problem) return problem;
        if (paid.Started is { } started) return started;
        var holdings = await ledger.ReadAsync(engine => Describe(id, engine));
        return TypedResults.Ok(new ShoppingPurchaseResponse(paid.Replayed, product.Id, amount.Text(), used.ToString(), cash.Text(), holdings));
    }

    private static ShoppingPointsResponse Describe(string memberId, IEngineView engine)
    {
        var balance = engine.FindMember(memberId)?.ShoppingPoints ?? ShoppingPoints.Zero;
        var lots = engine.ShoppingLotsOf(memberId).Select(lot => new ShoppingLotResponse(lot.StoreId, lot.Points.ToString(), lot.Day.Text())).ToArray();
        var expiry = engine.NextShoppingPointsExpiry(memberId) is { } next ? new ShoppingPointsExpiryResponse(next.Points.ToString(), next.ExpiresOn.Text()) : null;
        return new ShoppingPointsResponse(balance.ToString(), lots, expiry);
    }
}
