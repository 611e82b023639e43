using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Http;

namespace ValuePool.Server.Stores;

/// <summary>The check every store-management endpoint starts with: the store exists and the caller is its owner or an admin.</summary>
public static class StoreAccess
{
    /// <summary>The store when the caller may manage it; otherwise the 404 or 403 problem to answer.</summary>
    public static async Task<(StoreRecord? Store, ProblemHttpResult? Problem)> ManagedAsync(this StoreDirectory stores, string storeId, ClaimsPrincipal caller,
        Bilingual forbidden)
    {
        var store = await stores.FindAsync(storeId);
        if (store is null) return (null, ApiProblem.NotFound(Unknown.Store));
        return StoresApi.MayManage(caller, store) ? (store, null) : (null, ApiProblem.Forbidden(forbidden));
    }
}
