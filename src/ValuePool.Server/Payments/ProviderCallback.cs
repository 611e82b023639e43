namespace ValuePool.Server.Payments;

/// <summary>A notification as it arrived: the exact body and the headers that carry its signature.</summary>
public sealed record ProviderCallback(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static ProviderCallback Of(HttpRequest request, string body) =>
        new(body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
}
