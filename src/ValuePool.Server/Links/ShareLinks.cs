using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Links;

/// <summary>
/// Share links and payment QR codes of stores and promoters, and the binding they cause (MODEL.md §3):
/// the engine's binding policy decides whether a later link replaces an earlier one.
/// </summary>
public sealed class ShareLinks(ServerDatabase database, ServerWriter writer, LedgerGateway ledger, TimeProvider time, IOptions<ServerOptions> options,
    IServer server, IHttpContextAccessor http)
{
    public Task<ShareLink?> FindAsync(string code) =>
        database.QuerySingleAsync<ShareLink>("SELECT code AS Code, owner_id AS OwnerId, store_id AS StoreId FROM share_link WHERE code = @code", new { code });

    public Task<ShareLink?> FindForPromoterAsync(string ownerId) =>
        database.QuerySingleAsync<ShareLink>("SELECT code AS Code, owner_id AS OwnerId, store_id AS StoreId FROM share_link WHERE owner_id = @ownerId AND store_id IS NULL",
            new { ownerId });

    /// <summary>The promoter's own link, made on first ask; one per promoter even when asked twice at once.</summary>
    public async Task<ShareLink> PromoterLinkAsync(string ownerId)
    {
        var code = Ids.New("p");
        await writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO share_link (code, owner_id, store_id) SELECT @code, @ownerId, NULL WHERE NOT EXISTS (SELECT 1 FROM share_link WHERE owner_id = @ownerId AND store_id IS NULL)",
            new { code, ownerId }, t));
        return (await FindForPromoterAsync(ownerId))!;
    }

    public static void AddStoreLink(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string code, string ownerId, string storeId) =>
        connection.Execute("INSERT INTO share_link (code, owner_id, store_id) VALUES (@code, @ownerId, @storeId) ON CONFLICT (code) DO NOTHING",
            new { code, ownerId, storeId }, transaction);

    /// <summary>Binds <paramref name="memberId"/> to the link's owner; one key per member and link, so a repeat changes nothing.</summary>
    public Task BindMemberAsync(string memberId, ShareLink link) =>
        ledger.SubmitAsync(LedgerKeys.Binding(memberId, link.Code), new Bind(memberId, link.OwnerId, time.GetUtcNow()));

    /// <summary>
    /// What the QR code encodes: the console's page a phone opens. A store's link opens its scan-to-pay page
    /// (<c>/pay/{code}</c>), a promoter's the registration page naming them (<c>/join/{code}</c>).
    /// </summary>
    public string Url(ShareLink link) => Url(link.Code, link.StoreId is not null);

    public string Url(string code, bool store) => $"{BaseUrl()}/{(store ? "pay" : "join")}/{Uri.EscapeDataString(code)}";

    /// <summary>
    /// <see cref="ServerOptions.PublicBaseUrl"/> when set; else the address the server listens on; else (a wildcard
    /// address such as 0.0.0.0, or no listener, as under the test host) the scheme and host the request came to.
    /// </summary>
    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(IsConcrete);
        if (listening is not null) return listening.TrimEnd('/');
        if (http.HttpContext?.Request is { Host.HasValue: true } request) return $"{request.Scheme}://{request.Host}";
        return server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:5080";
    }

    private static bool IsConcrete(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Host is not ("0.0.0.0" or "[::]" or "::" or "+" or "*") && uri.Port != 0;
}
