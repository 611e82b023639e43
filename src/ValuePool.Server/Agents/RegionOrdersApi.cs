using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Agents;

/// <summary>
/// The orders of a region (区代/市代/省代): the orders of the stores in it, for the agent who holds the region, and admins. A region is
/// named by its <c>level</c> and its path (<c>region</c> = <c>province[/city[/district]]</c>, as <c>GET /api/agents/regions</c> answers).
/// </summary>
public static class RegionOrdersApi
{
    public static RouteGroupBuilder MapRegionOrdersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/agents/regions/orders").WithTags("Agents")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Agent, Roles.Admin));
        api.MapGet("/", Page);
        api.MapGet("/export", Export);
        return api;
    }

    /// <summary>A page of the region's orders, newest first: filtered by <c>status</c>, searched (<c>q</c>) and sorted like a store's orders.</summary>
    public static async Task<Results<Ok<Paged<OrderResponse>>, ValidationProblem, ProblemHttpResult>> Page(string? level, string? region, string? status,
        string? page, string? pageSize, string? q, string? sort, ClaimsPrincipal caller, ServerDatabase database, OrderStore orders)
    {
        var errors = new FieldErrors();
        var place = ReadRegion(level, region, errors);
        var query = ListQuery.Read(page, pageSize, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        if (await DeniedAsync(caller, place!.Value, database) is { } denied) return denied;
        return TypedResults.Ok(OrdersApi.Described(await orders.PageOfRegionAsync(place.Value.Region, status, query)));
    }

    /// <summary>The orders <see cref="Page"/> would answer, as <c>format</c> = <c>csv</c> or <c>xlsx</c> (at most 10,000 rows).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(string? format, string? level, string? region,
        string? status, string? q, string? sort, ClaimsPrincipal caller, ServerDatabase database, OrderStore orders)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var place = ReadRegion(level, region, errors);
        var query = ListQuery.Read(null, null, q, sort, OrderStore.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        if (await DeniedAsync(caller, place!.Value, database) is { } denied) return denied;
        return Exports.File("region-orders", type, OrdersApi.ExportColumns, await orders.AllOfRegionAsync(place.Value.Region, status, query, Exports.RowsMax));
    }

    /// <summary>The level and the region of that depth, or null with the field in error.</summary>
    private static (AgentLevel Level, Region Region)? ReadRegion(string? level, string? region, FieldErrors errors)
    {
        var read = AgentsApi.ReadLevel(level?.ToLowerInvariant(), errors); // as bought (district) or as listed (District)
        var parts = (region ?? "").Split('/');
        if (read is null) return null;
        if (parts.Length != (int)read.Value || parts.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("region", new("地区须与级别一致：省、省/市 或 省/市/区", "a region of the level's depth: province, province/city or province/city/district"));
            return null;
        }
        return (read.Value, new Region(parts));
    }

    private static async Task<ProblemHttpResult?> DeniedAsync(ClaimsPrincipal caller, (AgentLevel Level, Region Region) place, ServerDatabase database)
    {
        if (caller.IsInRole(Roles.Admin)) return null;
        var holds = await database.QuerySingleAsync<int>("SELECT COUNT(*) FROM agent_region WHERE member_id = @member AND level = @level AND region = @region",
            new { member = caller.Id(), level = place.Level.ToString(), region = place.Region.ToString() });
        return holds > 0 ? null : ApiProblem.Forbidden(new("只有该地区的代理和管理员可以查看其订单", "only the region's agent and admins see its orders"));
    }
}
