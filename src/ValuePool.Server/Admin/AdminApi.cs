using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Products;
using ValuePool.Server.Wallet;
using ValuePool.Storage.Codec;

namespace ValuePool.Server.Admin;

public sealed record SubsidyRequest(string? Amount, string? Source);
public sealed record PoolResponse(string Pool, string Points, string Price, PriceFraction PriceFraction, long Orders, string PlatformRevenue, int Members, int MembersAwaitingExit);
public sealed record ConfigResponse(JsonElement Config, IReadOnlyList<AuditFinding> Findings);
public sealed record RoleRequest(string? Role);
public sealed record PricePoint(DateTimeOffset Minute, string Pool, string Points, string Price, PriceFraction PriceFraction);

/// <summary>
/// Admin: subsidies (financing rounds), the configuration with its compliance audit, the pool's state,
/// roles, any member's wallet. The price history is public: it is history, not a forecast.
/// </summary>
public sealed record UserSummary(string Id, string Phone, string[] Roles, DateTimeOffset CreatedAt);

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/pool/price-history", PriceHistory).WithTags("Pool").AllowAnonymous();
        var api = routes.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        api.MapPost("/subsidies", Subsidize).Logged("pool.subsidy");
        api.MapGet("/pool", Pool);
        api.MapGet("/config", GetConfig);
        api.MapPut("/config", PutConfig).Logged("config.change", async http =>
            (await GetConfig(http.RequestServices.GetRequiredService<LedgerGateway>(), http.RequestServices.GetRequiredService<ProductRateBook>())).Value);
        api.MapPost("/config/audit", AuditConfig);
        api.MapGet("/users", Users);
        api.MapGet("/users/export", ExportUsers);
        api.MapPost("/users/{id}/roles", GrantRole).Logged("role.grant", RolesBefore);
        api.MapDelete("/users/{id}/roles/{role}", RevokeRole).Logged("role.revoke", RolesBefore);
        api.MapGet("/operator-log", OperatorLogPage);
        api.MapGet("/operator-log/actions", () => TypedResults.Ok(OperatorActions.All()));
        api.MapGet("/members/{id}/wallet", MemberWallet);
        return api;
    }

    /// <summary>Money into the pool (融资补贴); send <c>Idempotency-Key</c> so a retried round is not paid twice.</summary>
    public static async Task<Results<Ok<PoolResponse>, ValidationProblem, ProblemHttpResult>> Subsidize(SubsidyRequest request, HttpRequest http,
        System.Security.Claims.ClaimsPrincipal caller, LedgerGateway ledger, TimeProvider time)
    {
        var errors = new FieldErrors();
        var amount = errors.Money("amount", request.Amount);
        var source = errors.Text("source", request.Source);
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.Subsidy, caller.Id(), out var key, errors);
        if (errors.Any) return errors.ToProblem();
        var receipt = await ledger.SubmitAsync(key, new Subsidy(amount, source, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        return TypedResults.Ok(await ledger.ReadAsync(Describe));
    }

    public static async Task<Ok<PoolResponse>> Pool(LedgerGateway ledger) => TypedResults.Ok(await ledger.ReadAsync(Describe));

    public static async Task<Ok<ConfigResponse>> GetConfig(LedgerGateway ledger, ProductRateBook productRates)
    {
        var products = await productRates.AllAsync();
        return TypedResults.Ok(await ledger.ReadAsync(engine => WithAudit(engine.Config, engine, products)));
    }

    /// <summary>Replaces the configuration (only before the first order), answering with its audit findings.</summary>
    public static async Task<Results<Ok<ConfigResponse>, ValidationProblem, ProblemHttpResult>> PutConfig(JsonElement body, LedgerGateway ledger,
        ProductRateBook productRates, TimeProvider time)
    {
        var current = await ledger.ReadAsync(engine => engine.Config);
        if (!ConfigJson.TryRead(body, current, out var config, out var error))
        {
            var errors = new FieldErrors();
            errors.Add("config", new("平台配置无效：" + error, error));
            return errors.ToProblem();
        }
        var key = "config:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(EngineConfigJson.Write(config))));
        var receipt = await ledger.SubmitAsync(key, new Configure(config, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var products = await productRates.AllAsync();
        return TypedResults.Ok(await ledger.ReadAsync(engine => WithAudit(engine.Config, engine, products)));
    }

    /// <summary>The audit of a proposed configuration, applying nothing (invalid settings are reported too).</summary>
    public static async Task<Results<Ok<ConfigResponse>, ValidationProblem>> AuditConfig(JsonElement body, LedgerGateway ledger, ProductRateBook productRates)
    {
        var current = await ledger.ReadAsync(engine => engine.Config);
        if (!ConfigJson.TryReadKeys(body, current, out var config, out var error))
        {
            var errors = new FieldErrors();
            errors.Add("config", new("平台配置无效：" + error, error));
            return errors.ToProblem();
        }
        var products = await productRates.AllAsync();
        return TypedResults.Ok(await ledger.ReadAsync(engine => WithAudit(config, engine, products)));
    }

    /// <summary>Every account, newest first: paged, searched by phone or id (<c>q</c>), filtered by <c>role</c>, sorted by <c>createdAt</c> or <c>phone</c>.</summary>
    public static async Task<Results<Ok<Paged<UserSummary>>, ValidationProblem>> Users(string? role, string? page, string? pageSize, string? q, string? sort,
        UserStore users)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, UserStore.SortKeys, errors);
        if (role is not null && !Roles.All.Contains(role)) errors.Add("role", new($"须为以下之一：{string.Join(", ", Roles.All)}", $"one of {string.Join(", ", Roles.All)}"));
        if (errors.Any) return errors.ToProblem();
        var found = await users.PageAsync(role, query);
        return TypedResults.Ok(new Paged<UserSummary>(
            found.Items.Select(user => new UserSummary(user.Id, user.Phone, user.RoleList, UnixTime.At(user.CreatedMs))).ToArray(), found.Total, found.Page, found.PageSize));
    }

    /// <summary>The accounts <see cref="Users"/> would answer, as <c>format</c> = <c>csv</c> or <c>xlsx</c> (at most 10,000 rows).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportUsers(string? format, string? role, string? q, string? sort, UserStore users)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, UserStore.SortKeys, errors);
        if (role is not null && !Roles.All.Contains(role)) errors.Add("role", new($"须为以下之一：{string.Join(", ", Roles.All)}", $"one of {string.Join(", ", Roles.All)}"));
        if (errors.Any) return errors.ToProblem();
        return Exports.File("users", type, UserColumns, await users.AllAsync(role, query, Exports.RowsMax));
    }

    private static readonly ExportColumn<UserAccount>[] UserColumns =
    [
        ExportColumn<UserAccount>.Text("用户编号", u => u.Id),
        ExportColumn<UserAccount>.Text("手机号", u => u.Phone),
        ExportColumn<UserAccount>.Text("角色", u => string.Join("、", u.RoleList.Select(RoleText))),
        ExportColumn<UserAccount>.Time("注册时间", u => UnixTime.At(u.CreatedMs)),
    ];

    private static string RoleText(string role) => role switch
    {
        Roles.Member => "会员", Roles.Merchant => "商家", Roles.Promoter => "推广员", Roles.Agent => "代理", Roles.Shareholder => "股东",
        Roles.Finance => "财务", Roles.Admin => "管理员", _ => role,
    };

    private static async Task<object?> RolesBefore(HttpContext http) =>
        http.Request.RouteValues["id"] is string id && await http.RequestServices.GetRequiredService<UserStore>().FindAsync(id) is { } user
            ? new { roles = user.RoleList }
            : null;

    /// <summary>
    /// What operators did, newest first: paged, filtered by <c>action</c> or <c>actorId</c>, searched (<c>q</c>) in the actor, action and target.
    /// </summary>
    public static async Task<Results<Ok<Paged<OperatorLogEntry>>, ValidationProblem>> OperatorLogPage(string? action, string? actorId, string? page,
        string? pageSize, string? q, string? sort, OperatorLog log)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, OperatorLog.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await log.PageAsync(action, actorId, query));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> GrantRole(string id, RoleRequest request, UserStore users)
    {
        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            var errors = new FieldErrors();
            errors.Add("role", new($"须为以下之一：{string.Join(", ", Roles.All)}", $"one of {string.Join(", ", Roles.All)}"));
            return errors.ToProblem();
        }
        return await users.GrantRoleAsync(id, request.Role) ? TypedResults.NoContent() : ApiProblem.NotFound(Unknown.Account);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeRole(string id, string role, UserStore users) =>
        await users.RevokeRoleAsync(id, role) ? TypedResults.NoContent() : ApiProblem.NotFound(Unknown.Account);

    /// <summary>404 for an id no account has: an empty wallet would say the member exists and holds nothing.</summary>
    public static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> MemberWallet(string id, UserStore users, LedgerGateway ledger) =>
        await users.FindAsync(id) is null
            ? ApiProblem.NotFound(Unknown.Member)
            : TypedResults.Ok(await ledger.ReadAsync(engine => WalletResponse.Of(id, engine)));

    public static async Task<Ok<PricePoint[]>> PriceHistory(LedgerGateway ledger) =>
        TypedResults.Ok((await ledger.ProjectionsAsync(queries => queries.PriceHistory()))
            .Select(row => new PricePoint(DateTimeOffset.FromUnixTimeSeconds(row.UnixMinute * 60), AmountJson.FenText(row.PoolFen),
                new Core.Amounts.Points(row.PointsUnits).Text(), row.Price.Text(), PriceFraction.Of(row.Price)))
            .ToArray());

    private static PoolResponse Describe(IEngineView engine) =>
        new(engine.Pool.Text(), engine.CirculatingPoints.Text(), engine.Price.Text(), PriceFraction.Of(engine.Price), engine.Orders, engine.PlatformRevenue.Text(), engine.MemberCount,
            engine.MembersAwaitingExit);

    /// <summary>The configuration with its audit: the settings, every store's promises and every product's own rates.</summary>
    private static ConfigResponse WithAudit(EngineConfig config, IEngineView engine, IReadOnlyList<(string ProductId, OrderRates Rates)> products) =>
        new(JsonDocument.Parse(EngineConfigJson.Write(config)).RootElement.Clone(), ComplianceAudit.Run(config, engine.StorePromises(), products));
}
