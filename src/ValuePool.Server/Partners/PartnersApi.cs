using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Partners;

public sealed record AddPartnerRequest(string? MemberId);
public sealed record PartnersResponse(string StoreId, IReadOnlyList<string> Partners, StoreTermsBody Terms);

/// <summary>
/// Store partners (门店合伙人, MODEL.md §5). Members qualify by the store's spend threshold on their own;
/// the designated-product route is the owner (or an admin) naming the buyer, since products carry no
/// partner flag. Partners see their dividends and referral rewards.
/// </summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Partners").RequireAuthorization();
        api.MapPost("/stores/{storeId}/partners", Add).Logged("partner.add");
        api.MapGet("/stores/{storeId}/partners", List);
        api.MapGet("/partners/me/dividends", Dividends);
        return api;
    }

    /// <summary>Naming a partner twice changes nothing: the key is the store and the member.</summary>
    public static async Task<Results<Ok<PartnersResponse>, ValidationProblem, ProblemHttpResult>> Add(string storeId, AddPartnerRequest request,
        ClaimsPrincipal caller, StoreDirectory stores, UserStore users, LedgerGateway ledger, TimeProvider time)
    {
        var (store, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以指定门店的合伙人", "only the store's owner and admins name its partners"));
        if (denied is not null) return denied;
        var errors = new FieldErrors();
        if (request.MemberId is null || await users.FindAsync(request.MemberId) is null) errors.Add("memberId", FieldErrors.UnknownAccount);
        if (errors.Any) return errors.ToProblem();
        var receipt = await ledger.SubmitAsync(LedgerKeys.Partner(storeId, request.MemberId!), new AddPartner(storeId, request.MemberId!, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        return TypedResults.Ok(await DescribeAsync(store!, ledger));
    }

    public static async Task<Results<Ok<PartnersResponse>, ProblemHttpResult>> List(string storeId, ClaimsPrincipal caller, StoreDirectory stores,
        LedgerGateway ledger)
    {
        var (store, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以查看门店的合伙人", "only the store's owner and admins see its partners"));
        if (denied is not null) return denied;
        return TypedResults.Ok(await DescribeAsync(store!, ledger));
    }

    public static async Task<Ok<RewardRow[]>> Dividends(ClaimsPrincipal caller, RewardHistory rewards) =>
        TypedResults.Ok(await rewards.OfMemberAsync(caller.Id(), TransferKind.PartnerDividend, TransferKind.PartnerReferralReward));

    private static async Task<PartnersResponse> DescribeAsync(StoreRecord store, LedgerGateway ledger)
    {
        var view = await ledger.ReadAsync(engine => engine.FindStore(store.Id));
        return new PartnersResponse(store.Id, view?.Partners ?? [], StoreTermsBody.Of(store.Terms));
    }
}
