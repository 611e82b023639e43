using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Server.Ledger;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Stores;

using ValuePool.Server.Audit;

namespace ValuePool.Server.Products;

/// <summary>
/// A product; <c>Rates</c> (optional) overrides the configuration's commission and rewards within its limits;
/// <c>MakesPartner</c> marks a store's designated product, whose buyers become the store's partners.
/// </summary>
public sealed record ProductRequest(string? Name, string? Price, bool Shipped, ProductRatesRequest? Rates = null, bool MakesPartner = false);
public sealed record ProductResponse(string Id, string? StoreId, string Name, string Price, bool Shipped, ProductRatesRequest? Rates, bool MakesPartner);

/// <summary>Products for in-store and platform sale: a store's owner adds its own, an admin the platform's (自营).</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Products").RequireAuthorization();
        api.MapPost("/stores/{storeId}/products", AddToStore).Logged("product.add");
        api.MapGet("/stores/{storeId}/products", ListOfStore);
        api.MapPost("/products", AddToPlatform).RequireAuthorization(policy => policy.RequireRole(Roles.Admin)).Logged("product.add");
        api.MapGet("/products", ListOfPlatform);
        api.MapGet("/products/{id}", Get);
        return api;
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddToStore(string storeId, ProductRequest request,
        ClaimsPrincipal caller, StoreDirectory stores, ProductCatalog catalog, LedgerGateway ledger)
    {
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound(Unknown.Store);
        if (!StoresApi.MayManage(caller, store)) return ApiProblem.Forbidden(new("只有店主可以为门店添加商品", "only the store's owner adds its products"));
        if (!store.IsApproved) return ApiProblem.Conflict("StoreNotApproved", new("门店通过管理员审核后才能上架商品", "the store sells only once an admin approved it"));
        return await AddAsync(storeId, request, catalog, ledger);
    }

    public static Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddToPlatform(ProductRequest request, ProductCatalog catalog,
        LedgerGateway ledger) =>
        AddAsync(null, request, catalog, ledger);

    public static readonly SortKeys SortKeys = new(["createdAt", "name", "price"], ("createdAt", false));
    private static readonly Dictionary<string, Func<ProductRecord, IComparable>> SortValues = new()
    {
        ["createdAt"] = p => p.CreatedMs, ["name"] = p => p.Name, ["price"] = p => p.PriceFen,
    };

    /// <summary>
    /// The store's products, paged (<c>page</c>, <c>pageSize</c>), searched by name or id (<c>q</c>), sorted by <c>createdAt</c> (oldest
    /// first), <c>name</c> or <c>price</c>. 404 for a store that does not exist: an empty list would say it exists and sells nothing.
    /// </summary>
    public static async Task<Results<Ok<Paged<ProductResponse>>, ValidationProblem, ProblemHttpResult>> ListOfStore(string storeId, string? page,
        string? pageSize, string? q, string? sort, StoreDirectory stores, ProductCatalog catalog, ProductRateBook rates)
    {
        if (await stores.FindAsync(storeId) is null) return ApiProblem.NotFound(Unknown.Store);
        return await PageAsync(storeId, page, pageSize, q, sort, catalog, rates);
    }

    /// <summary>The platform's own products (the shopping-points shop), paged like a store's.</summary>
    public static async Task<Results<Ok<Paged<ProductResponse>>, ValidationProblem, ProblemHttpResult>> ListOfPlatform(string? page, string? pageSize,
        string? q, string? sort, ProductCatalog catalog, ProductRateBook rates) =>
        await PageAsync(null, page, pageSize, q, sort, catalog, rates);

    private static async Task<Results<Ok<Paged<ProductResponse>>, ValidationProblem, ProblemHttpResult>> PageAsync(string? storeId, string? page,
        string? pageSize, string? q, string? sort, ProductCatalog catalog, ProductRateBook rates)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var found = query.PageOf((await catalog.ListAsync(storeId)).Where(p => query.Matches(p.Name, p.Id)), SortValues, p => p.Id, p => p);
        return TypedResults.Ok(new Paged<ProductResponse>(await DescribeAllAsync(found.Items, rates), found.Total, found.Page, found.PageSize));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, ProductCatalog catalog, ProductRateBook rates) =>
        await catalog.FindAsync(id) is { } product ? TypedResults.Ok(Describe(product, await rates.FindAsync(product.Id))) : ApiProblem.NotFound(Unknown.Product);

    private static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(string? storeId, ProductRequest request,
        ProductCatalog catalog, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name);
        var price = errors.Money("price", request.Price);
        var rates = request.Rates?.Read(errors);
        if (rates is not null)
            foreach (var problem in await ledger.ReadAsync(engine => rates.Problems(engine.Config))) errors.Add("rates", new("商品的分配比例不符合平台配置：" + problem, problem));
        if (request.MakesPartner && storeId is null) errors.Add("makesPartner", new("只有门店的商品才能让买家成为该门店的合伙人", "only a store's product makes its buyers the store's partners"));
        if (errors.Any) return errors.ToProblem();
        var product = await catalog.AddAsync(storeId, name, price, request.Shipped, rates, request.MakesPartner);
        return TypedResults.Created($"/api/products/{product.Id}", Describe(product, rates));
    }

    private static async Task<ProductResponse[]> DescribeAllAsync(IEnumerable<ProductRecord> products, ProductRateBook rates)
    {
        var described = new List<ProductResponse>();
        foreach (var product in products) described.Add(Describe(product, await rates.FindAsync(product.Id)));
        return described.ToArray();
    }

    private static ProductResponse Describe(ProductRecord product, OrderRates? rates) =>
        new(product.Id, product.StoreId, product.Name, new Money(product.PriceFen).Text(), product.IsShipped,
            rates is null ? null : ProductRatesRequest.Of(rates), product.IsPartnerProduct);
}
