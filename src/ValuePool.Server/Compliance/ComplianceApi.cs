using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Configuration;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Compliance;

public sealed record PromisedHoldingResponse(string Share, string Invested, bool Initiator);
/// <summary><c>promisedShareOfRevenue</c>: commission, partner pool, dividends and bonus as a share of gross revenue ("0.9330" = 93.3%).</summary>
public sealed record StorePromiseResponse(string StoreId, string StoreName, string PromisedShareOfRevenue, bool PartnerPool, IReadOnlyList<PromisedHoldingResponse> Holdings);
public sealed record FindingResponse(string Severity, string Code, string Message, string Rule);
public sealed record StoreAuditResponse(IReadOnlyList<FindingResponse> Findings, IReadOnlyList<StorePromiseResponse> Stores);

/// <summary>
/// The per-store compliance audit (MODEL.md §3): the configuration's findings plus each store's promised
/// payouts and shares sold for money, on the live configuration and cap tables. Admins see every store;
/// a merchant sees their own store's promise and findings.
/// </summary>
public static class ComplianceApi
{
    public static RouteGroupBuilder MapComplianceApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Compliance").RequireAuthorization();
        api.MapGet("/admin/compliance/stores", All).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        api.MapGet("/stores/{storeId}/promise", OfStore);
        return api;
    }

    public static async Task<Ok<StoreAuditResponse>> All(LedgerGateway ledger, StoreDirectory stores) =>
        TypedResults.Ok(await AuditAsync(ledger, stores, _ => true));

    /// <summary>Only the store's findings: the platform-wide ones are the admin's to read.</summary>
    public static async Task<Results<Ok<StoreAuditResponse>, ProblemHttpResult>> OfStore(string storeId, ClaimsPrincipal caller, StoreDirectory stores,
        LedgerGateway ledger)
    {
        var (_, denied) = await stores.ManagedAsync(storeId, caller, new("只有店主和管理员可以查看门店的承诺", "only the store's owner and admins see its promise"));
        if (denied is not null) return denied;
        var audit = await AuditAsync(ledger, stores, promise => promise.StoreId == storeId);
        if (audit.Stores.Count == 0) return ApiProblem.NotFound(Unknown.ApprovedStore);
        return TypedResults.Ok(audit with { Findings = audit.Findings.Where(f => f.Code.EndsWith(":" + storeId, StringComparison.Ordinal)).ToArray() });
    }

    /// <summary>The audit of the live configuration and the chosen stores' promises (copies, so it runs outside the engine's read), with each store's name.</summary>
    private static async Task<StoreAuditResponse> AuditAsync(LedgerGateway ledger, StoreDirectory stores, Func<StorePromise, bool> chosen)
    {
        var (config, promises) = await ledger.ReadAsync(engine => (engine.Config, engine.StorePromises().Where(chosen).ToArray()));
        var stated = new List<StorePromiseResponse>(promises.Length);
        foreach (var p in promises)
            stated.Add(new StorePromiseResponse(p.StoreId, (await stores.FindApprovedAsync(p.StoreId))?.Name ?? p.StoreId,
                p.PromisedShareOfRevenue(config).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), p.PartnerPool,
                p.Holdings.Select(h => new PromisedHoldingResponse(h.Share.ToString(), h.Invested.Text(), h.Initiator)).ToArray()));
        return new(ComplianceAudit.Run(config, promises).Select(f => new FindingResponse(f.Severity.Text(), f.Code, f.Message, f.Rule)).ToArray(), stated);
    }
}
