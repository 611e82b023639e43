using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;
using ValuePool.Storage.Sequencing;

using ValuePool.Server.Audit;

namespace ValuePool.Server.Cards;

public sealed record BuyCardRequest(string? SellerId);
public sealed record CardPurchaseResponse(bool Replayed, CardResponse Card, string ShoppingPoints);

/// <summary>
/// Membership cards (会员卡, MODEL.md §5): the owner (or an admin) defines them, anyone signed in sees a
/// store's cards, a member buys one, naming the seller who earns the card's reward (else their referrer).
/// The discount and benefits apply at the store's checkout (<c>Checkout/</c>).
/// </summary>
public static class CardsApi
{
    public static RouteGroupBuilder MapCardsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Membership cards").RequireAuthorization();
        api.MapPost("/stores/{storeId}/cards", Define).Logged("card.define");
        api.MapGet("/stores/{storeId}/cards", OfStore);
        api.MapGet("/cards/mine", Mine);
        api.MapGet("/cards/{id}", Get);
        api.MapPost("/cards/{id}/purchases", Buy);
        return api;
    }

    public static async Task<Results<Created<CardResponse>, ValidationProblem, ProblemHttpResult>> Define(string storeId, DefineCardRequest request,
        ClaimsPrincipal caller, StoreDirectory stores, CardCatalog cards, LedgerGateway ledger, TimeProvider time)
    {
        var (_, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以设置门店的会员卡", "only the store's owner and admins define its cards"));
        if (denied is not null) return denied;
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name);
        var terms = request.Read(errors);
        if (!errors.Any) errors.AddAll(TermProblems.Of(terms, await ledger.ReadAsync(engine => engine.Config)));
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        var card = new CardRecord { Id = Ids.New("card"), StoreId = storeId, Name = name, CreatedMs = UnixTime.Ms(now) };
        var receipt = await ledger.SubmitAsync(LedgerKeys.CardDefinition(card.Id), new DefineCard(storeId, card.Id, terms, now));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        await cards.AddAsync(card);
        return TypedResults.Created($"/api/cards/{card.Id}", CardResponse.Of(card, new MembershipCardView(card.Id, storeId, terms)));
    }

    public static readonly SortKeys SortKeys = new(["createdAt", "name"], ("createdAt", false));
    private static readonly Dictionary<string, Func<CardRecord, IComparable>> SortValues = new() { ["createdAt"] = c => c.CreatedMs, ["name"] = c => c.Name };

    /// <summary>The store's cards, paged (<c>page</c>, <c>pageSize</c>), searched by name or id (<c>q</c>), sorted by <c>createdAt</c> (oldest first) or <c>name</c>.</summary>
    public static async Task<Results<Ok<Paged<CardResponse>>, ValidationProblem, ProblemHttpResult>> OfStore(string storeId, string? page, string? pageSize,
        string? q, string? sort, StoreDirectory stores, CardCatalog cards, LedgerGateway ledger)
    {
        if (await stores.FindAsync(storeId) is null) return ApiProblem.NotFound(Unknown.Store);
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var records = (await cards.OfStoreAsync(storeId)).Where(card => query.Matches(card.Name, card.Id));
        return TypedResults.Ok(await ledger.ReadAsync(engine => query.PageOf(records, SortValues, card => card.Id, card => CardResponse.Of(card, engine.FindCard(card.Id)!))));
    }

    /// <summary>The caller's cards, one per store, with today's validity and benefits (the 我的会员卡 page).</summary>
    public static async Task<Ok<HeldCardResponse[]>> Mine(ClaimsPrincipal caller, CardCatalog cards, StoreDirectory stores, LedgerGateway ledger,
        TimeProvider time)
    {
        var held = await ledger.ReadAsync(engine => engine.CardsHeldBy(caller.Id(), time.GetUtcNow()));
        var mine = new List<HeldCardResponse>();
        foreach (var card in held)
            if (await cards.FindAsync(card.Card.Id) is { } record)
                mine.Add(HeldCardResponse.Of(record, card, (await stores.FindAsync(card.Card.StoreId))?.Name ?? card.Card.StoreId));
        return TypedResults.Ok(mine.ToArray());
    }

    public static async Task<Results<Ok<CardResponse>, ProblemHttpResult>> Get(string id, CardCatalog cards, LedgerGateway ledger) =>
        await DescribeAsync(id, cards, ledger) is { } card ? TypedResults.Ok(card) : ApiProblem.ForResult(CommandResult.UnknownCard);

    /// <summary>
    /// The caller buys the card, paying its price through the payment provider: the price goes to the store,
    /// the seller's reward from the store to the seller, the opening shopping points to the buyer, and the
    /// payment is recorded as a completed order of the store. The simulated provider confirms at once (200). A real one answers
    /// 202 with what the payer does next (query <c>channel</c>, <c>openId</c>) and the payment to poll (<c>GET /api/payments/{id}</c>);
    /// the card is bought only when its verified notification (or the provider's signed answer) says the price was paid, and a
    /// purchase the engine then refuses is due back (<c>refundDue</c>). Send <c>Idempotency-Key</c> to make a retry safe: it answers
    /// the same purchase, or the same payment.
    /// </summary>
    public static async Task<Results<Ok<CardPurchaseResponse>, Accepted<PlatformPaymentStateResponse>, ValidationProblem, ProblemHttpResult>> Buy(string id,
        BuyCardRequest request, string? channel, string? openId, HttpContext http, ClaimsPrincipal caller, UserStore users, CardCatalog cards,
        LedgerGateway ledger, PaidPurchase purchase)
    {
        var errors = new FieldErrors();
        if (request.SellerId is not null && await users.FindAsync(request.SellerId) is null) errors.Add("sellerId", FieldErrors.UnknownAccount);
        var memberId = caller.Id();
        var keyed = IdempotencyKeys.TryScoped(http.Request, LedgerKeys.Scope.CardPurchase, memberId, out var key, errors);
        var payer = OrdersApi.ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();
        if (await ledger.ReadAsync(engine => engine.FindCard(id)) is not { } view) return ApiProblem.ForResult(CommandResult.UnknownCard);

        var paid = await purchase.PayAsync(keyed ? key : null, memberId, PaymentPurpose.CardPurchase, view.StoreId, null, view.Terms.Price,
            now => new BuyCard(memberId, id, request.SellerId, now), payer);
        if (paid.Problem is { } problem) return problem;
        if (paid.Started is { } started) return started;
        var card = (await DescribeAsync(id, cards, ledger))!;
        var shoppingPoints = await ledger.ReadAsync(engine => engine.FindMember(memberId)!.ShoppingPoints);
        return TypedResults.Ok(new CardPurchaseResponse(paid.Replayed, card, shoppingPoints.ToString()));
    }

    private static async Task<CardResponse?> DescribeAsync(string id, CardCatalog cards, LedgerGateway ledger) =>
        await cards.FindAsync(id) is { } card && await ledger.ReadAsync(engine => engine.FindCard(id)) is { } view ? CardResponse.Of(card, view) : null;
}
