using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Shareholders;

/// <summary>A store the caller has a stake in: as a partner, as a shareholder (its share and what they invested), or both.</summary>
public sealed record StakeResponse(string StoreId, string StoreName, bool Partner, string? Share, string? Invested, bool Initiator);

/// <summary>"My stores" for partners and shareholders: the stores whose partners or cap table name the caller, from the engine.</summary>
public static class StakesApi
{
    public static RouteGroupBuilder MapStakesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/stakes").WithTags("Shareholders").RequireAuthorization();
        api.MapGet("/mine", Mine);
        return api;
    }

    public static async Task<Ok<StakeResponse[]>> Mine(ClaimsPrincipal caller, LedgerGateway ledger, StoreDirectory stores)
    {
        var member = caller.Id();
        var found = await ledger.ReadAsync(engine => engine.StoreIdsOrdinal().Select(id =>
        {
            var partner = engine.FindStore(id)?.Partners.Contains(member) == true;
            var holding = engine.CapTableOf(id)?.FirstOrDefault(h => h.MemberId == member);
            return (Id: id, Partner: partner, Holding: holding);
        }).Where(stake => stake.Partner || stake.Holding is not null).ToList());
        var answer = new List<StakeResponse>();
        foreach (var stake in found)
            answer.Add(new StakeResponse(stake.Id, (await stores.FindAsync(stake.Id))?.Name ?? stake.Id, stake.Partner, stake.Holding?.Share.ToString(),
                stake.Holding?.Invested.Text(), stake.Holding?.Initiator == true));
        return TypedResults.Ok(answer.ToArray());
    }
}
