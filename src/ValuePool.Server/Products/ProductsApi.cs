using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Products;

public sealed record ProductRequest(string? Name, string? Price, bool Shipped);
public sealed record ProductResponse(string Id, string? StoreId, string Name, string Price, bool Shipped);

/// <summary>Products for in-store and platform sale: a store's owner adds its own, an admin the platform's (自营).</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Products").RequireAuthorization();
        api.MapPost("/stores/{storeId}/products", AddToStore);
        api.MapGet("/stores/{storeId}/products", ListOfStore);
        api.MapPost("/products", AddToPlatform).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        api.MapGet("/products", ListOfPlatform);
        api.MapGet("/products/{id}", Get);
        return api;
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddToStore(string storeId, ProductRequest request,
        ClaimsPrincipal caller, StoreDirectory stores, ProductCatalog catalog)
    {
        var store = await stores.FindAsync(storeId);
        if (store is null) return ApiProblem.NotFound("store");
        if (!StoresApi.MayManage(caller, store)) return ApiProblem.Forbidden("only the store's owner adds its products");
        if (!store.IsApproved) return ApiProblem.Conflict("StoreNotApproved", "the store sells only once an admin approved it");
        return await AddAsync(storeId, request, catalog);
    }

    public static Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddToPlatform(ProductRequest request, ProductCatalog catalog) =>
        AddAsync(null, request, catalog);

    public static async Task<Ok<ProductResponse[]>> ListOfStore(string storeId, ProductCatalog catalog) =>
        TypedResults.Ok((await catalog.ListAsync(storeId)).Select(Describe).ToArray());

    public static async Task<Ok<ProductResponse[]>> ListOfPlatform(ProductCatalog catalog) =>
        TypedResults.Ok((await catalog.ListAsync(null)).Select(Describe).ToArray());

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, ProductCatalog catalog) =>
        await catalog.FindAsync(id) is { } product ? TypedResults.Ok(Describe(product)) : ApiProblem.NotFound("product");

    private static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(string? storeId, ProductRequest request, ProductCatalog catalog)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name);
        var price = errors.Money("price", request.Price);
        if (errors.Any) return errors.ToProblem();
        var product = await catalog.AddAsync(storeId, name, price, request.Shipped);
        return TypedResults.Created($"/api/products/{product.Id}", Describe(product));
    }

    private static ProductResponse Describe(ProductRecord product) =>
        new(product.Id, product.StoreId, product.Name, new Money(product.PriceFen).Text(), product.IsShipped);
}
