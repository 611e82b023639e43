namespace ValuePool.Server.Http;

/// <summary>
/// The client a request came from, as the limits per client see it: the connection's remote address. Behind a reverse
/// proxy, configure ASP.NET Core's forwarded headers so this is the caller's address, not the proxy's.
/// </summary>
public static class ClientAddress
{
    /// <summary>Connections without an address (in-process tests, Unix sockets) are one client.</summary>
    public const string Unknown = "local";

    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? Unknown;
}
