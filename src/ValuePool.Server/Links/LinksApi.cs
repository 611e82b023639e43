using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ValuePool.Server.Accounts;
using ValuePool.Server.Hosting;
using ValuePool.Server.Http;
using ValuePool.Server.Orders;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Links;

/// <summary>
/// A share link as its page shows it: <c>url</c> is the console page the QR code opens; <c>storeName</c> names the store whose
/// link it is (null for a promoter's), <c>inviter</c> the owner's phone with its middle digits hidden, for "who invited me".
/// </summary>
public sealed record LinkResponse(string Code, string Url, string OwnerId, string? StoreId, string? StoreName, string Inviter, string RegisterPath,
    string QrSvgPath, string QrPngPath);

/// <summary>
/// What a scanned QR code opens (public), and promoters' own links. Who may promote follows the
/// configured qualification: everyone, appointed by an admin, or after a first order of a set amount.
/// </summary>
public static class LinksApi
{
    public static RouteGroupBuilder MapLinksApi(this IEndpointRouteBuilder routes)
    {
        var links = routes.MapGroup("/api/links").WithTags("Share links");
        links.MapGet("/{code}", Open).AllowAnonymous();
        links.MapGet("/{code}/qr.{format}", Qr).AllowAnonymous();
        var promoters = routes.MapGroup("/api/promoters").WithTags("Share links").RequireAuthorization();
        promoters.MapGet("/me/link", MyLink);
        return links;
    }

    public static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> Open(string code, ShareLinks links, StoreDirectory stores, UserStore users) =>
        await links.FindAsync(code) is { } link ? TypedResults.Ok(await DescribeAsync(link, links, stores, users)) : ApiProblem.NotFound(Unknown.ShareLink);

    public static async Task<IResult> Qr(string code, string format, ShareLinks links)
    {
        if (!QrImages.IsKnownFormat(format)) return ApiProblem.NotFound(new("不支持该图片格式（可用 png、svg）", "no image format (png, svg) has this name"));
        return await links.FindAsync(code) is { } link ? QrImages.Render(links.Url(link), format) : ApiProblem.NotFound(Unknown.ShareLink);
    }

    public static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> MyLink(ClaimsPrincipal caller, ShareLinks links, UserStore users,
        OrderStore orders, StoreDirectory stores, IOptions<ServerOptions> options)
    {
        var id = caller.Id();
        if (!await IsQualifiedAsync(id, users, orders, options.Value.Promoters))
            return ApiProblem.Forbidden(PromotingNeeds(options.Value.Promoters));
        if (!caller.IsInRole(Roles.Promoter)) await users.AddRoleAsync(id, Roles.Promoter);
        return TypedResults.Ok(await DescribeAsync(await links.PromoterLinkAsync(id), links, stores, users));
    }

    private static async Task<bool> IsQualifiedAsync(string userId, UserStore users, OrderStore orders, PromoterOptions rule) => rule.Qualification switch
    {
        PromoterQualification.Everyone => true,
        PromoterQualification.Appointed => await users.HasRoleAsync(userId, Roles.Promoter),
        _ => ValuePool.Core.Amounts.AmountText.TryParseMoney(rule.FirstOrderMinimum, out var minimum, out _)
             && await orders.FirstCompletedAmountAsync(userId) is { } first && first >= minimum,
    };

    private static Bilingual PromotingNeeds(PromoterOptions rule) => rule.Qualification switch
    {
        PromoterQualification.Appointed => new("只有平台指定的推广员才能推广", "promoting needs the qualification \"Appointed\": an admin names promoters"),
        PromoterQualification.FirstOrder => new($"首笔完成的订单达到 ¥{rule.FirstOrderMinimum} 后才能推广",
            $"promoting needs the qualification \"FirstOrder\": a first completed order of at least {rule.FirstOrderMinimum}"),
        _ => new($"推广需要满足资格：{rule.Qualification}", $"promoting needs the qualification \"{rule.Qualification}\""),
    };

    private static async Task<LinkResponse> DescribeAsync(ShareLink link, ShareLinks links, StoreDirectory stores, UserStore users)
    {
        var store = link.StoreId is null ? null : await stores.FindAsync(link.StoreId);
        var owner = await users.FindAsync(link.OwnerId);
        return new(link.Code, links.Url(link), link.OwnerId, link.StoreId, store?.Name, MaskPhone(owner?.Phone ?? ""),
            $"/api/accounts/register (ref: {link.Code})", $"/api/links/{link.Code}/qr.svg", $"/api/links/{link.Code}/qr.png");
    }

    /// <summary>"13912345678" → "139****5678": enough for a newcomer to recognise who invited them, not enough to call them.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length >= 7 ? $"{phone[..3]}****{phone[^4..]}" : new string('*', phone.Length);
}
