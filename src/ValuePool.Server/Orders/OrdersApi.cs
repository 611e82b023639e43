using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Links;
using ValuePool.Server.Payments;
using ValuePool.Server.Products;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Orders;

/// <summary>An in-store payment (<c>storeId</c> + <c>amount</c>, as after scanning the store's QR code) or a product (<c>productId</c>, <c>quantity</c>).</summary>
public sealed record CreateOrderRequest(string? StoreId, string? Amount, string? ProductId, int? Quantity, string? Via);
/// <summary><c>refunded</c>: what was refunded through the provider before completion (yuan).</summary>
public sealed record OrderResponse(string Id, string MemberId, string? StoreId, string? ProductId, string Amount, bool Shipped, string Status,
    string PaymentId, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset? CompleteDueAt, DateTimeOffset? CompletedAt, DateTimeOffset? RefundedAt,
    string Refunded);
/// <summary>
/// <c>callback</c> is the simulated provider's signed answer; <c>action</c> is what the payer does next with a real provider
/// (show <c>qrCode</c>, open <c>url</c>, or hand <c>inApp</c> to WeChat's JSAPI). Both null only while a payment is pending.
/// </summary>
public sealed record PayResponse(OrderResponse Order, string Outcome, SignedCallback? Callback, PayerAction? Action = null);
/// <summary>
/// An in-store payment in one request: the amount typed after scanning the store's QR code, and the code's link. With a real
/// provider, <c>channel</c> (<c>qr</c>, <c>inApp</c>, <c>mobileWeb</c>; default <c>qr</c>) and, in WeChat, the payer's <c>openId</c>.
/// </summary>
public sealed record InStorePayRequest(string? Amount, string? Via, string? Channel = null, string? OpenId = null);
/// <summary>Absent body or amount: the whole of what is left of the order.</summary>
public sealed record RefundOrderRequest(string? Amount, string? Reason);
public sealed record OrderRefundResponse(string Id, string OrderId, string Amount, string Reason, string Status, string? Failure, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
public sealed record RefundResponse(OrderResponse Order, OrderRefundResponse Refund);

/// <summary>
/// Orders (MODEL.md §7): created → paid → completed | refunded. Paying goes through the simulated
/// provider, whose signed callback is handled exactly like one arriving over HTTP.
/// </summary>
public static class OrdersApi
{
    private const int QuantityMax = 1000;

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Orders").RequireAuthorization();
        api.MapPost("/orders", Create);
        api.MapGet("/orders", Mine);
        api.MapGet("/orders/export", ExportMine);
        api.MapGet("/orders/{id}", Get);
        api.MapPost("/orders/{id}/pay", Pay);
        api.MapPost("/orders/{id}/refund", Refund).Logged("order.refund");
        api.MapGet("/orders/{id}/refunds", Refunds);
        api.MapGet("/stores/{storeId}/orders", OfStore);
        api.MapGet("/stores/{storeId}/orders/export", ExportOfStore);
        api.MapPost("/stores/{storeId}/pay", PayInStore);
        return api;
    }

    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> Create(CreateOrderRequest request, ClaimsPrincipal caller,
        StoreDirectory stores, ProductCatalog catalog, OrderStore orders, ShareLinks links, TimeProvider time)
    {
        var errors = new FieldErrors();
        var (storeId, productId, amount, shipped) = await ReadWhatIsBoughtAsync(request, errors, stores, catalog);
        var via = await ReadViaAsync(request.Via, errors, links);
        if (errors.Any) return errors.ToProblem();

        var memberId = caller.Id();
        if (via is not null) await links.BindMemberAsync(memberId, via);
        var order = new OrderRecord
        {
            Id = Ids.New("o"), MemberId = memberId, StoreId = storeId, ProductId = productId, AmountFen = amount.Fen, Shipped = shipped ? 1 : 0,
            Status = OrderStatus.Created, PaymentId = Ids.New("pay"), CreatedMs = UnixTime.Ms(time.GetUtcNow()),
        };
        await orders.AddAsync(order);
        return TypedResults.Created($"/api/orders/{order.Id}", Describe(order));
    }

    /// <summary>The caller's orders, newest first: paged (<c>page</c>, <c>pageSize</c>), searched by id, store, product (<c>q</c>), sorted (<c>sort</c>).</summary>
    public static async Task<Results<Ok<Paged<OrderResponse>>, ValidationProblem>> Mine(string? status, string? page, string? pageSize, string? q, string? sort,
        ClaimsPrincipal caller, OrderStore orders)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Described(await orders.PageOfMemberAsync(caller.Id(), status, query)));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal caller, OrderStore orders, StoreDirectory stores)
    {
        var order = await orders.FindAsync(id);
        if (order is null) return ApiProblem.NotFound(Unknown.Order);
        if (!await MaySeeAsync(caller, order, stores)) return ApiProblem.Forbidden(new("只有买家、店主和管理员可以查看订单", "only the buyer, the store's owner and admins see an order"));
        return TypedResults.Ok(Describe(order));
    }

    /// <summary>
    /// The buyer pays through the provider. The simulated one calls back at once; the callback is returned so it can be replayed.
    /// A real one answers 202 with what the payer does next (<c>channel</c>: <c>qr</c>, <c>inApp</c> with <c>openId</c>, or
    /// <c>mobileWeb</c>), and only its verified notification, or its answer when pay is called again, marks the order paid. Pay
    /// again, concurrently or later, and the answer is the same payment (outcome <c>Duplicate</c>; 202 <c>Pending</c> while the
    /// first request still waits for the provider): the provider is asked to charge an order once (<see cref="OrderPayment"/>).
    /// </summary>
    public static async Task<Results<Ok<PayResponse>, Accepted<PayResponse>, ValidationProblem, ProblemHttpResult>> Pay(string id, string? channel, string? openId,
        HttpContext http, ClaimsPrincipal caller, OrderStore orders, OrderPayment payment)
    {
        var errors = new FieldErrors();
        var payer = ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();
        var order = await orders.FindAsync(id);
        if (order is null) return ApiProblem.NotFound(Unknown.Order);
        if (order.MemberId != caller.Id()) return ApiProblem.Forbidden(new("只有买家本人可以支付订单", "only the buyer pays an order"));
        return Answer(await payment.PayAsync(order, payer), order);
    }

    private static Results<Ok<PayResponse>, Accepted<PayResponse>, ValidationProblem, ProblemHttpResult> Answer(OrderPayment.Attempt paid, OrderRecord order)
    {
        var response = new PayResponse(Describe(paid.Order), paid.Outcome, paid.Callback, paid.Action);
        return paid.Step switch
        {
            OrderPayment.Step.NotPayable => ApiProblem.Conflict("OrderNotPayable", new($"订单当前状态为 {order.Status}，不能通过此接口支付", $"the order is {order.Status} and was not paid through this endpoint")),
            OrderPayment.Step.ProviderFailed => ApiProblem.ProviderFailed(paid.Outcome),
            OrderPayment.Step.Pending or OrderPayment.Step.AwaitingPayer => TypedResults.Accepted($"/api/orders/{order.Id}", response),
            _ => TypedResults.Ok(response),
        };
    }

    /// <summary>How the payer pays (<c>channel</c>, <c>openId</c>), for an order and for a platform payment alike.</summary>
    internal static OrderPayment.Payer ReadPayer(string? channel, string? openId, HttpContext http, FieldErrors errors)
    {
        var chosen = errors.Choice("channel", channel, PayChannel.Qr);
        if (chosen == PayChannel.InApp && string.IsNullOrWhiteSpace(openId))
            errors.Add("openId", new("在应用内支付须提供付款人在该应用中的 openId", "paying inside the app needs the payer's openId there"));
        return new OrderPayment.Payer(chosen, openId, http.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>
    /// An in-store order in one request. The simulated provider pays (confirmation verified in-process) and completes it at once.
    /// A real provider answers 202 with what the payer does next (the QR code, the page, the app's parameters); the order
    /// completes when the provider's verified notification arrives (or pay is called again and the provider says it was paid).
    /// With <c>Idempotency-Key</c> a retry answers the same order (outcome <c>Duplicate</c>) and moves nothing.
    /// </summary>
    public static async Task<Results<Ok<PayResponse>, Accepted<PayResponse>, ValidationProblem, ProblemHttpResult>> PayInStore(string storeId,
        InStorePayRequest request, HttpContext http, ClaimsPrincipal caller, StoreDirectory stores, ShareLinks links, ImmediatePayment payment,
        IPaymentProvider provider, OrderStore orders, OrderPayment twoStep, TimeProvider time)
    {
        var errors = new FieldErrors();
        var amount = errors.Money("amount", request.Amount);
        var via = await ReadViaAsync(request.Via, errors, links);
        var payer = ReadPayer(request.Channel, request.OpenId, http, errors);
        var memberId = caller.Id();
        var keyed = IdempotencyKeys.TryScoped(http.Request, LedgerKeys.Scope.InStorePayment, memberId, out var key, errors);
        if (errors.Any) return errors.ToProblem();
        if (await stores.FindApprovedAsync(storeId) is null) return ApiProblem.NotFound(Unknown.ApprovedStore);

        if (via is not null) await links.BindMemberAsync(memberId, via);
        if (!provider.ConfirmsWhilePayerWaits)
        {
            var now = time.GetUtcNow();
            var order = new OrderRecord
            {
                Id = keyed ? Ids.FromKey("o", key) : Ids.TimeOrdered("o", now), MemberId = memberId, StoreId = storeId, AmountFen = amount.Fen,
                Status = OrderStatus.Created, PaymentId = keyed ? Ids.FromKey("pay", key) : Ids.New("pay"), CreatedMs = UnixTime.Ms(now),
            };
            await orders.TryAddAsync(order);
            var created = (await orders.FindAsync(order.Id))!;
            if (created.MemberId != memberId || created.StoreId != storeId || created.AmountFen != amount.Fen)
                return ApiProblem.Conflict("IdempotencyKeyReused", new("该幂等键已用于另一笔付款", "this idempotency key was used for another payment"));
            return Answer(await twoStep.PayAsync(created, payer), created);
        }
        var paid = await payment.PayAsync(keyed ? key : null, memberId, storeId, amount);
        if (ApiProblem.ForReceipt(paid.Receipt) is { } refused) return refused;
        return TypedResults.Ok(new PayResponse(Describe(paid.Order!), paid.Receipt.Status.ToString(), paid.Confirmation));
    }

    /// <summary>
    /// Before completion only (MODEL.md §7): a completed order is final in the ledger. In full (no body) or in part (<c>amount</c>),
    /// back through the provider that collected it: 200 once the provider returned the money (the order is <c>refunded</c> when
    /// nothing is left), 202 while its refund notification is awaited, 502 when it refused (nothing changed).
    /// </summary>
    public static async Task<Results<Ok<RefundResponse>, Accepted<RefundResponse>, ValidationProblem, ProblemHttpResult>> Refund(string id,
        RefundOrderRequest? request, ClaimsPrincipal caller, OrderStore orders, StoreDirectory stores, OrderRefunds refunds)
    {
        var order = await orders.FindAsync(id);
        if (order is null) return ApiProblem.NotFound(Unknown.Order);
        if (!await MaySeeAsync(caller, order, stores)) return ApiProblem.Forbidden(new("只有买家、店主和管理员可以为订单退款", "only the buyer, the store's owner and admins refund an order"));
        var errors = new FieldErrors();
        var amount = request?.Amount is null ? new Money(order.KeptFen) : errors.Money("amount", request.Amount);
        var reason = request?.Reason is null ? "" : errors.Text("reason", request.Reason, 80);
        if (errors.Any) return errors.ToProblem();
        var refunded = await refunds.RefundAsync(order, amount, reason);
        if (refunded.Outcome == OrderRefunds.Outcome.NotRefundable)
            return ApiProblem.Conflict("OrderNotRefundable", new("只有已支付且尚未完成的订单可以退款", "only a paid order not yet completed can be refunded"));
        if (refunded.Outcome == OrderRefunds.Outcome.TooMuch)
            return ApiProblem.Conflict("RefundExceedsOrder", new("退款金额超过订单尚未退款的部分", "the refund exceeds what is left of the order"));
        var response = new RefundResponse(Describe((await orders.FindAsync(id))!), Describe(refunded.Refund!));
        return refunded.Outcome switch
        {
            OrderRefunds.Outcome.ProviderRefused => ApiProblem.Of(StatusCodes.Status502BadGateway, "RefundRefusedByProvider",
                new($"支付机构拒绝了退款（{refunded.Refund!.Failure}），订单未变", $"the payment provider refused the refund ({refunded.Refund!.Failure}); the order is unchanged")),
            OrderRefunds.Outcome.Processing => TypedResults.Accepted($"/api/orders/{id}/refunds", response),
            _ => TypedResults.Ok(response),
        };
    }

    /// <summary>The order's refunds, oldest first, each with its state (requested, succeeded, failed), for the buyer and the store.</summary>
    public static async Task<Results<Ok<OrderRefundResponse[]>, ProblemHttpResult>> Refunds(string id, ClaimsPrincipal caller, OrderStore orders,
        StoreDirectory stores, OrderRefunds refunds)
    {
        var order = await orders.FindAsync(id);
        if (order is null) return ApiProblem.NotFound(Unknown.Order);
        if (!await MaySeeAsync(caller, order, stores)) return ApiProblem.Forbidden(new("只有买家、店主和管理员可以查看订单", "only the buyer, the store's owner and admins see an order"));
        return TypedResults.Ok((await refunds.OfOrderAsync(id)).Select(Describe).ToArray());
    }

    public static OrderRefundResponse Describe(OrderRefund refund) =>
        new(refund.Id, refund.OrderId, new Money(refund.AmountFen).Text(), refund.Reason, refund.Status, refund.Failure, UnixTime.At(refund.CreatedMs),
            UnixTime.At(refund.FinishedMs));

    /// <summary>The store's orders, newest first, with the parameters of <see cref="Mine"/>.</summary>
    public static async Task<Results<Ok<Paged<OrderResponse>>, ValidationProblem, ProblemHttpResult>> OfStore(string storeId, string? status, string? page,
        string? pageSize, string? q, string? sort, ClaimsPrincipal caller, StoreDirectory stores, OrderStore orders)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!StoresApi.MayManage(caller, store)) return ApiProblem.Forbidden(new("只有店主和管理员可以查看门店的订单", "only the store's owner and admins see its orders"));
        return TypedResults.Ok(Described(await orders.PageOfStoreAsync(storeId, status, query)));
    }

    private static async Task<(string? StoreId, string? ProductId, Money Amount, bool Shipped)> ReadWhatIsBoughtAsync(CreateOrderRequest request,
        FieldErrors errors, StoreDirectory stores, ProductCatalog catalog)
    {
        if ((request.ProductId is null) == (request.StoreId is null))
        {
            errors.Add("storeId", new("请提供 storeId 和 amount（到店付款），或者提供 productId（购买商品），二选一", "give either storeId with amount (in-store payment) or productId"));
            return default;
        }
        if (request.ProductId is not null)
        {
            var quantity = request.Quantity ?? 1;
            if (quantity is < 1 or > QuantityMax) errors.Add("quantity", new($"数量须在 1 到 {QuantityMax} 之间", $"1 to {QuantityMax}"));
            var product = await catalog.FindAsync(request.ProductId);
            if (product is null) errors.Add("productId", Unknown.Product);
            if (product is null || errors.Any) return default;
            return (product.StoreId, product.Id, new Money(checked(product.PriceFen * quantity)), product.IsShipped);
        }
        var amount = errors.Money("amount", request.Amount);
        var store = await stores.FindAsync(request.StoreId!);
        if (store is null || !store.IsApproved) errors.Add("storeId", Unknown.ApprovedStore);
        return (request.StoreId, null, amount, false);
    }

    private static async Task<ShareLink?> ReadViaAsync(string? code, FieldErrors errors, ShareLinks links)
    {
        if (code is null) return null;
        var via = await links.FindAsync(code);
        if (via is null) errors.Add("via", Unknown.ShareLink);
        return via;
    }

    private static async Task<bool> MaySeeAsync(ClaimsPrincipal caller, OrderRecord order, StoreDirectory stores) =>
        caller.IsAdmin() || order.MemberId == caller.Id() ||
        (order.StoreId is not null && await stores.FindAsync(order.StoreId) is { } store && store.OwnerId == caller.Id());

    /// <summary>The caller's orders as <c>format</c> = <c>csv</c> or <c>xlsx</c>, with <see cref="Mine"/>'s filters and sort (at most 10,000 rows).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportMine(string? format, string? status, string? q, string? sort,
        ClaimsPrincipal caller, OrderStore orders)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        return Exports.File("orders", type, ExportColumns, await orders.AllOfAsync(caller.Id(), null, status, query, Exports.RowsMax));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportOfStore(string storeId, string? format, string? status,
        string? q, string? sort, ClaimsPrincipal caller, StoreDirectory stores, OrderStore orders)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!StoresApi.MayManage(caller, store)) return ApiProblem.Forbidden(new("只有店主和管理员可以导出门店的订单", "only the store's owner and admins export its orders"));
        return Exports.File("store-orders", type, ExportColumns, await orders.AllOfAsync(null, storeId, status, query, Exports.RowsMax));
    }

    internal static readonly ExportColumn<OrderRecord>[] ExportColumns =
    [
        ExportColumn<OrderRecord>.Text("订单号", o => o.Id),
        ExportColumn<OrderRecord>.Text("会员", o => o.MemberId),
        ExportColumn<OrderRecord>.Text("门店", o => o.StoreId),
        ExportColumn<OrderRecord>.Text("商品", o => o.ProductId),
        ExportColumn<OrderRecord>.Yuan("金额（元）", o => o.AmountFen),
        ExportColumn<OrderRecord>.Text("状态", o => Exports.StatusText(o.Status)),
        ExportColumn<OrderRecord>.Time("下单时间", o => UnixTime.At(o.CreatedMs)),
        ExportColumn<OrderRecord>.Time("支付时间", o => UnixTime.At(o.PaidMs)),
        ExportColumn<OrderRecord>.Time("完成时间", o => UnixTime.At(o.CompletedMs)),
        ExportColumn<OrderRecord>.Time("退款时间", o => UnixTime.At(o.RefundedMs)),
    ];

    internal static Paged<OrderResponse> Described(Paged<OrderRecord> page) =>
        new(page.Items.Select(Describe).ToArray(), page.Total, page.Page, page.PageSize);

    public static OrderResponse Describe(OrderRecord order) =>
        new(order.Id, order.MemberId, order.StoreId, order.ProductId, new Money(order.AmountFen).Text(), order.IsShipped, order.Status, order.PaymentId,
            UnixTime.At(order.CreatedMs), UnixTime.At(order.PaidMs), UnixTime.At(order.CompleteDueMs), UnixTime.At(order.CompletedMs), UnixTime.At(order.RefundedMs),
            new Money(order.RefundedFen).Text());
}
