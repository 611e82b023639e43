using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Links;

namespace ValuePool.Server.Stores;

public sealed record RegionBody(string? Province, string? City, string? District);
public sealed record RegisterStoreRequest(string? Name, RegionBody? Region, string? RecruiterId, StoreTermsBody? Terms);
/// <summary><c>Status</c>: <c>pending</c>, <c>approved</c> or <c>rejected</c> (then <c>RejectionReason</c> says why).</summary>
public sealed record StoreResponse(string Id, string Name, string OwnerId, RegionBody Region, string? RecruiterId, string Status, string? ShareCode,
    StoreTermsBody Terms, string? RejectionReason);
public sealed record RejectStoreRequest(string? Reason);
public sealed record StoreRevenueDay(string Day, string Revenue, string Net, long Orders);
/// <summary>
/// A store's money: gross revenue, its balance (withdrawable through a payout), its prepaid deposit (what its offline
/// till sales' commission is taken from) and what it owes payees its balance could not cover yet (MODEL.md §8).
/// </summary>
public sealed record StoreAccountResponse(string StoreId, string Revenue, string Balance, IReadOnlyList<StoreRevenueDay> Days, string Deposit, string Owed);

/// <summary>
/// A merchant registers a store (pending) with its optional terms, an admin approves it (the engine's RegisterStore with those terms), and
/// the store gets its share link and payment QR code. Only the owner and admins see its money.
/// </summary>
public static class StoresApi
{
    public static RouteGroupBuilder MapStoresApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/stores").WithTags("Stores").RequireAuthorization();
        api.MapPost("/", Register);
        api.MapGet("/", List);
        api.MapGet("/export", Export);
        api.MapGet("/{id}", Get);
        api.MapGet("/{id}/account", Account);
        api.MapPost("/{id}/approve", Approve).RequireAuthorization(policy => policy.RequireRole(Roles.Admin)).Logged("store.approve", StoreBefore);
        api.MapPost("/{id}/reject", Reject).RequireAuthorization(policy => policy.RequireRole(Roles.Admin)).Logged("store.reject", StoreBefore);
        api.MapGet("/{id}/qr.{format}", Qr).AllowAnonymous();
        return api;
    }

    public static async Task<Results<Created<StoreResponse>, ValidationProblem>> Register(RegisterStoreRequest request, ClaimsPrincipal caller,
        StoreDirectory stores, UserStore users, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name);
        var province = errors.Text("region.province", request.Region?.Province, 40);
        var city = errors.Text("region.city", request.Region?.City, 40);
        var district = errors.Text("region.district", request.Region?.District, 40);
        var terms = request.Terms?.Read(errors) ?? StoreTerms.Default;
        if (!errors.Any) errors.AddAll(TermProblems.Of(terms, await ledger.ReadAsync(engine => engine.Config)), prefix: "terms.");
        if (request.RecruiterId is not null && await users.FindAsync(request.RecruiterId) is null) errors.Add("recruiterId", FieldErrors.UnknownAccount);
        if (errors.Any) return errors.ToProblem();
        var store = await stores.AddAsync(caller.Id(), name, province, city, district, request.RecruiterId, terms);
        return TypedResults.Created($"/api/stores/{store.Id}", Describe(store));
    }

    /// <summary>Admins see every store (filter by status); anyone else sees their own.</summary>
    /// <remarks>Paged (<c>page</c>, <c>pageSize</c>), searched by id, name, owner or region (<c>q</c>), sorted (<c>sort</c>), oldest first by default.</remarks>
    public static async Task<Results<Ok<Paged<StoreResponse>>, ValidationProblem>> List(string? status, string? page, string? pageSize, string? q, string? sort,
        ClaimsPrincipal caller, StoreDirectory stores)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, StoreDirectory.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var found = await stores.PageAsync(status, caller.IsAdmin() ? null : caller.Id(), query);
        return TypedResults.Ok(new Paged<StoreResponse>(found.Items.Select(store => Describe(store)).ToArray(), found.Total, found.Page, found.PageSize));
    }

    /// <summary>The stores <see cref="List"/> would answer, as <c>format</c> = <c>csv</c> or <c>xlsx</c> (at most 10,000 rows).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? format, string? status, string? q, string? sort,
        ClaimsPrincipal caller, StoreDirectory stores)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, StoreDirectory.SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        return Exports.File("stores", type, ExportColumns, await stores.AllAsync(status, caller.IsAdmin() ? null : caller.Id(), query, Exports.RowsMax));
    }

    private static readonly ExportColumn<StoreRecord>[] ExportColumns =
    [
        ExportColumn<StoreRecord>.Text("门店编号", s => s.Id),
        ExportColumn<StoreRecord>.Text("门店名称", s => s.Name),
        ExportColumn<StoreRecord>.Text("店主", s => s.OwnerId),
        ExportColumn<StoreRecord>.Text("省", s => s.Province),
        ExportColumn<StoreRecord>.Text("市", s => s.City),
        ExportColumn<StoreRecord>.Text("区", s => s.District),
        ExportColumn<StoreRecord>.Text("推荐人", s => s.RecruiterId),
        ExportColumn<StoreRecord>.Text("状态", s => Exports.StatusText(s.Status)),
        ExportColumn<StoreRecord>.Text("拒绝原因", s => s.RejectionReason),
        ExportColumn<StoreRecord>.Time("申请时间", s => Data.UnixTime.At(s.CreatedMs)),
    ];

    /// <summary>The public profile of an approved store; a pending one only for its owner and admins.</summary>
    public static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal caller, StoreDirectory stores)
    {
        var store = await stores.FindAsync(id);
        if (store is null || (!store.IsApproved && !MayManage(caller, store))) return ApiProblem.NotFound(Unknown.Store);
        return TypedResults.Ok(Describe(store));
    }

    public static async Task<Results<Ok<StoreAccountResponse>, ProblemHttpResult>> Account(string id, ClaimsPrincipal caller, StoreDirectory stores, LedgerGateway ledger)
    {
        var store = await stores.FindAsync(id);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!MayManage(caller, store)) return ApiProblem.Forbidden(new("只有店主和管理员可以查看门店账户", "only the store's owner and admins see its account"));
        var view = await ledger.ReadAsync(engine => engine.FindStore(id));
        var days = (await ledger.ProjectionsAsync(queries => queries.StoreRevenue(id)))
            .Select(day => new StoreRevenueDay(day.Day.ToString("yyyy-MM-dd"), AmountJson.FenText(day.RevenueFen), AmountJson.FenText(day.NetFen), day.Orders))
            .ToArray();
        return TypedResults.Ok(new StoreAccountResponse(id, (view?.Revenue ?? default).Text(), (view?.Balance ?? default).Text(), days,
            (view?.Deposit ?? default).Text(), (view?.Owed ?? default).Text()));
    }

    public static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> Approve(string id, StoreDirectory stores, LedgerGateway ledger,
        UserStore users, TimeProvider time)
    {
        var store = await stores.FindAsync(id);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!await stores.ClaimApprovalAsync(id)) return RejectedProblem;
        var region = new Region([store.Province, store.City, store.District]);
        var receipt = await ledger.SubmitAsync(LedgerKeys.StoreRegistration(id), new RegisterStore(id, store.OwnerId, store.RecruiterId, region, time.GetUtcNow()) { Terms = store.Terms });
        if (ApiProblem.ForReceipt(receipt) is { } problem)
        {
            await stores.ReleaseApprovalAsync(id);
            return problem;
        }
        await stores.MarkApprovedAsync(store);
        await users.AddRoleAsync(store.OwnerId, Roles.Merchant);
        return TypedResults.Ok(Describe((await stores.FindAsync(id))!));
    }

    private static async Task<object?> StoreBefore(HttpContext http) =>
        http.Request.RouteValues["id"] is string id && await http.RequestServices.GetRequiredService<StoreDirectory>().FindAsync(id) is { } store
            ? Describe(store)
            : null;

    private static ProblemHttpResult RejectedProblem =>
        ApiProblem.Conflict("StoreRejected", new("该门店已被拒绝，不能再审核通过；店主可以重新申请", "the store was rejected and cannot be approved; its owner may apply again"));

    /// <summary>A pending store becomes rejected with the <c>reason</c> its owner sees; an approved (or being approved) store cannot be.</summary>
    public static async Task<Results<Ok<StoreResponse>, ValidationProblem, ProblemHttpResult>> Reject(string id, RejectStoreRequest request, StoreDirectory stores)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, 200);
        if (errors.Any) return errors.ToProblem();
        var store = await stores.FindAsync(id);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (store.IsRejected) return RejectedProblem;
        if (!await stores.RejectAsync(id, reason))
            return ApiProblem.Conflict("StoreNotPending", new("只有待审核的门店可以被拒绝，该门店已通过或正在审核通过", "only a pending store can be rejected: this one is approved or being approved"));
        return TypedResults.Ok(Describe((await stores.FindAsync(id))!));
    }

    public static async Task<IResult> Qr(string id, string format, StoreDirectory stores, ShareLinks links)
    {
        var store = await stores.FindAsync(id);
        if (store is null || !store.IsApproved || !QrImages.IsKnownFormat(format)) return ApiProblem.NotFound(new("门店不存在或尚未通过审核，或图片格式不支持（可用 png、svg）", "no approved store or image format has this id"));
        return QrImages.Render(links.Url(store.ShareCode, store: true), format);
    }

    public static bool MayManage(ClaimsPrincipal caller, StoreRecord store) => caller.IsAdmin() || store.OwnerId == caller.Id();

    private static StoreResponse Describe(StoreRecord store) =>
        new(store.Id, store.Name, store.OwnerId, new RegionBody(store.Province, store.City, store.District), store.RecruiterId, store.Status,
            store.IsApproved ? store.ShareCode : null, StoreTermsBody.Of(store.Terms), store.RejectionReason);
}
