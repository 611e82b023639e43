using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Orders;
using ValuePool.Server.Payments;
using ValuePool.Server.Stores;
using ValuePool.Server.Wallet;

namespace ValuePool.Server.Agents;

public sealed record BuyRegionRequest(string? Level, RegionBody? Region);
public sealed record AgentRegionResponse(string MemberId, string Level, string Region, string Fee);
/// <summary>A level an agent may buy: its fee (yuan) and <c>rate</c>, the share of each order in the region it is paid (0.001 = 0.1%).</summary>
public sealed record AgentOfferResponse(string Level, string Fee, string Rate);

/// <summary>
/// Regional agents (区代/市代/省代): an agent buys a region for the configured fee, collected through the payment provider
/// (posted as platform revenue by the engine once collected), and sees the rewards its region's orders paid them. The audit flags this
/// paid position as an entry-fee risk (MODEL.md §3).
/// </summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(policy => policy.RequireRole(Roles.Agent));
        api.MapPost("/regions", BuyRegion).Logged("region.buy");
        api.MapGet("/regions", MyRegions);
        api.MapGet("/rewards", MyRewards);
        api.MapGet("/offers", Offers);
        return api;
    }

    /// <summary>
    /// Buys a region for the configured fee, paid through the provider: only the confirmed payment submits
    /// <c>AppointAgent</c>, with the region's row in its journal transaction. A region taken before the payment answers 409
    /// and charges nothing; one taken while paying answers 409 naming the payment, recorded as due back. A real provider answers
    /// 202 with what the payer does next (<c>channel</c>, <c>openId</c> as for an order) and the payment to poll; its verified
    /// notification appoints the agent (or records the payment due back). A retry of the same purchase (same agent, level and
    /// region) is the same payment.
    /// </summary>
    public static async Task<Results<Created<AgentRegionResponse>, Accepted<PlatformPaymentStateResponse>, ValidationProblem, ProblemHttpResult>> BuyRegion(
        BuyRegionRequest request, string? channel, string? openId, HttpContext http, ClaimsPrincipal caller, LedgerGateway ledger, ServerDatabase database,
        PlatformPayments payments)
    {
        var errors = new FieldErrors();
        var level = ReadLevel(request.Level, errors);
        var parts = new[] { request.Region?.Province, request.Region?.City, request.Region?.District }.Take(level is { } depth ? (int)depth : 0).ToArray();
        for (var i = 0; i < parts.Length; i++) errors.Text($"region.{(i == 0 ? "province" : i == 1 ? "city" : "district")}", parts[i], 40);
        var payer = OrdersApi.ReadPayer(channel, openId, http, errors);
        if (errors.Any) return errors.ToProblem();

        var member = caller.Id();
        var region = new Region(parts!);
        var row = new { member, level = level!.Value.ToString(), region = region.ToString() };
        // Taken by another agent: refused before anything is charged. The agent's own region is a retry, answered by the same payment.
        if (await database.QuerySingleAsync<int>("SELECT COUNT(*) FROM agent_region WHERE level = @level AND region = @region AND member_id <> @member", row) > 0)
            return ApiProblem.ForResult(CommandResult.RegionTaken);
        var fee = await ledger.ReadAsync(engine => engine.Config.AgentFee(level.Value));
        var paid = await payments.PayThenApplyAsync($"agent:{member}:{row.level}:{row.region}", member, PaymentPurpose.AgentRegion,
            $"{level.Value.Text()}:{region}", fee, now => new AppointAgent(member, level.Value, region, now), payer);
        if (PlatformPaymentsApi.ForOutcome(paid) is { } problem) return problem;
        if (PlatformPaymentsApi.ForStarted(paid) is { } started) return started;
        return TypedResults.Created("/api/agents/regions", new AgentRegionResponse(member, row.level, row.region, fee.Text()));
    }

    /// <summary>Only the exact names (<c>district</c>, <c>city</c>, <c>province</c>): a number such as "1" is no level, whatever the enum's values.</summary>
    internal static AgentLevel? ReadLevel(string? text, FieldErrors errors)
    {
        foreach (var level in Enum.GetValues<AgentLevel>())
            if (string.Equals(text, level.Text(), StringComparison.Ordinal)) return level;
        var levels = string.Join(", ", Enum.GetValues<AgentLevel>().Reverse().Select(level => level.Text()));
        errors.Add("level", new($"须为以下之一：{levels}", "one of " + levels));
        return null;
    }

    public static async Task<Ok<AgentRegionResponse[]>> MyRegions(ClaimsPrincipal caller, ServerDatabase database, LedgerGateway ledger)
    {
        var rows = await database.QueryAsync<(string Level, string Region)>("SELECT level, region FROM agent_region WHERE member_id = @member ORDER BY bought_ms",
            new { member = caller.Id() });
        var config = await ledger.ReadAsync(engine => engine.Config);
        return TypedResults.Ok(rows.Select(row => new AgentRegionResponse(caller.Id(), row.Level, row.Region,
            config.AgentFee(Enum.Parse<AgentLevel>(row.Level)).Text())).ToArray());
    }

    /// <summary>What each level costs and the share of its region's orders it is paid, from the configuration: the figures an agent confirms before buying.</summary>
    public static async Task<Ok<AgentOfferResponse[]>> Offers(LedgerGateway ledger)
    {
        var config = await ledger.ReadAsync(engine => engine.Config);
        return TypedResults.Ok(Enum.GetValues<AgentLevel>().Select(level =>
            new AgentOfferResponse(level.Text(), config.AgentFee(level).Text(), config.AgentRate(level).ToString())).ToArray());
    }

    public static async Task<Ok<RewardRow[]>> MyRewards(ClaimsPrincipal caller, RewardHistory rewards) =>
        TypedResults.Ok((await rewards.OfMemberAsync(caller.Id(), nameof(Core.Ledger.TransferKind.AgentReward))).ToArray());
}
