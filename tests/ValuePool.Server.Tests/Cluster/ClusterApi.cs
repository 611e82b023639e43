using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests.Cluster;

/// <summary>Requests to one node of a cluster by its address, with the tokens the tests sign in with.</summary>
public static class ClusterApi
{
    /// <summary>Short connects: a killed node's address refuses at once, and a retry moves on to the next node.</summary>
    public static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// A client whose connections leave from <paramref name="local"/> (any 127.x.y.z is this machine's loopback), so a node sees
    /// it as a client of its own address.
    /// </summary>
    public static HttpClient From(IPAddress local) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    public static HttpRequestMessage Request(HttpMethod method, string url, string? token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static async Task<JsonElement> PostAsync(string node, string path, object body, string? token = null)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Post, node + path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {path} on {node}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(string node, string path, string token)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, node + path, token));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path} on {node}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> TokenAsync(string node, string path, object body) => (await PostAsync(node, path, body)).GetProperty("token").GetString()!;

    /// <summary>The admin, a merchant whose store the admin approved, and <paramref name="members"/> members: the store's id and the members' tokens.</summary>
    public static async Task<(string Admin, string StoreId, string[] Members)> OpenStoreAsync(string node, int members)
    {
        var admin = await TokenAsync(node, "/api/accounts/login", new { phone = ServerNode.AdminPhone, password = ServerNode.AdminPassword });
        var merchant = await TokenAsync(node, "/api/accounts/register", new { phone = "13000000000", password = "cluster-pw" });
        var store = await PostAsync(node, "/api/stores", new { name = "Cluster store", region = new { province = "GD", city = "SZ", district = "NS" } }, merchant);
        var storeId = store.GetProperty("id").GetString()!;
        await PostAsync(node, $"/api/stores/{storeId}/approve", new { }, admin);
        var tokens = await Task.WhenAll(Enumerable.Range(0, members).Select(i => TokenAsync(node, "/api/accounts/register", new { phone = $"131{i:D8}", password = "cluster-pw" })));
        return (admin, storeId, tokens);
    }
}
