using System.Collections.Frozen;
using System.Threading.RateLimiting;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;

namespace ValuePool.Server.Hosting;

/// <summary>
/// Registration and the money endpoints, limited per client address and per user (<see cref="RateLimitOptions"/>): a
/// flood of sign-ups or of refused payments costs rows and engine time for everyone. Requests to any other endpoint pass
/// through without a limiter. The routes are listed here, in one place, so the limits can be read and audited at once;
/// a test checks that each of them is still mapped.
/// </summary>
public static class RequestRateLimits
{
    public const string RegistrationRoute = "/api/accounts/register";

    /// <summary>The POST routes that move money or create what will (orders, purchases, withdrawals).</summary>
    public static readonly FrozenSet<string> MoneyRoutes = FrozenSet.Create(StringComparer.Ordinal,
        "/api/orders", "/api/orders/{id}/pay", "/api/stores/{storeId}/pay", "/api/wallet/sell", "/api/withdrawals",
        "/api/stores/{storeId}/checkout", "/api/cards/{id}/purchases", "/api/shopping-points/purchases", "/api/agents/regions");

    private enum Kind { None, Registration, Money }

    /// <summary>Per client, then per user: a request passes only when both have room.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) =>
        PartitionedRateLimiter.CreateChained(PerClient(options), PerUser(options));

    private static PartitionedRateLimiter<HttpContext> PerClient(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, (Kind, string)>(context => KindOf(context) switch
        {
            Kind.Registration => Window((Kind.Registration, ClientAddress.Of(context)), options.RegistrationsPerClientPerHour, TimeSpan.FromHours(1)),
            Kind.Money => Window((Kind.Money, ClientAddress.Of(context)), options.MoneyRequestsPerClientPerMinute, TimeSpan.FromMinutes(1)),
            _ => RateLimitPartition.GetNoLimiter((Kind.None, "")),
        });

    /// <summary>Partitioned by user id, not token, so signing in again buys no more requests.</summary>
    private static PartitionedRateLimiter<HttpContext> PerUser(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, (Kind, string)>(context =>
            KindOf(context) == Kind.Money && context.User.FindFirst(Caller.IdClaim)?.Value is { } user
                ? Window((Kind.Money, user), options.MoneyRequestsPerUserPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter((Kind.None, "")));

    private static Kind KindOf(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint() is not RouteEndpoint endpoint) return Kind.None;
        var route = endpoint.RoutePattern.RawText?.TrimEnd('/') ?? "";
        if (route == RegistrationRoute) return Kind.Registration;
        return MoneyRoutes.Contains(route) ? Kind.Money : Kind.None;
    }

    /// <summary>A fixed window of <paramref name="permits"/>; 0 means no limit (one machine driving a load test, say).</summary>
    private static RateLimitPartition<(Kind, string)> Window((Kind, string) key, int permits, TimeSpan window) =>
        permits == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window });
}
