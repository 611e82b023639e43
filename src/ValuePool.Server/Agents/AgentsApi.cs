using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Stores;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Agents;

public sealed record BuyRegionRequest(string? Level, RegionBody? Region);
public sealed record AgentRegionResponse(string MemberId, string Level, string Region, string Fee);

/// <summary>
/// Regional agents (区代/市代/省代): an agent buys a region for the configured fee (posted as platform
/// revenue by the engine) and sees the rewards its region's orders paid them. The audit flags this
/// paid position as an entry-fee risk (MODEL.md §3).
/// </summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(policy => policy.RequireRole(Roles.Agent));
        api.MapPost("/regions", BuyRegion);
        api.MapGet("/regions", MyRegions);
        api.MapGet("/rewards", MyRewards);
        return api;
    }

    public static async Task<Results<Created<AgentRegionResponse>, ValidationProblem, ProblemHttpResult>> BuyRegion(BuyRegionRequest request, ClaimsPrincipal caller,
        LedgerGateway ledger, ServerWriter writer, TimeProvider time)
    {
        var errors = new FieldErrors();
        if (!Enum.TryParse<AgentLevel>(request.Level, ignoreCase: true, out var level) || !Enum.IsDefined(level))
            errors.Add("level", "district, city or province");
        var parts = new[] { request.Region?.Province, request.Region?.City, request.Region?.District }.Take(errors.Any ? 0 : (int)level).ToArray();
        for (var i = 0; i < parts.Length; i++) errors.Text($"region.{(i == 0 ? "province" : i == 1 ? "city" : "district")}", parts[i], 40);
        if (errors.Any) return errors.ToProblem();

        var member = caller.Id();
        var region = new Region(parts!);
        var receipt = await ledger.SubmitAsync($"agent:{member}:{level}:{region}", new AppointAgent(member, level, region, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var fee = await ledger.ReadAsync(engine => engine.Config.AgentFee(level));
        var nowMs = UnixTime.Ms(time.GetUtcNow());
        await writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO agent_region (member_id, level, region, bought_ms) VALUES (@member, @level, @region, @nowMs) ON CONFLICT (level, region) DO NOTHING",
            new { member, level = level.ToString(), region = region.ToString(), nowMs }, t));
        return TypedResults.Created("/api/agents/regions", new AgentRegionResponse(member, level.ToString(), region.ToString(), fee.Text()));
    }

    public static async Task<Ok<AgentRegionResponse[]>> MyRegions(ClaimsPrincipal caller, ServerDatabase database, LedgerGateway ledger)
    {
        var rows = await database.QueryAsync<(string Level, string Region)>("SELECT level, region FROM agent_region WHERE member_id = @member ORDER BY bought_ms",
            new { member = caller.Id() });
        var config = await ledger.ReadAsync(engine => engine.Config);
        return TypedResults.Ok(rows.Select(row => new AgentRegionResponse(caller.Id(), row.Level, row.Region,
            config.AgentFee(Enum.Parse<AgentLevel>(row.Level)).Text())).ToArray());
    }

    public static async Task<Ok<RewardRow[]>> MyRewards(ClaimsPrincipal caller, RewardHistory rewards) =>
        TypedResults.Ok((await rewards.OfMemberAsync(caller.Id(), nameof(Core.Ledger.TransferKind.AgentReward))).ToArray());
}
