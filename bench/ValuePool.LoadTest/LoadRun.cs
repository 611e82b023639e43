using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.LoadTest;

/// <summary>
/// Many concurrent members each buy in-store in a loop (create the order, pay it through the
/// simulated provider: the order completes, points and rewards move) until the time is up.
/// </summary>
public sealed class LoadRun(HttpClient http, LoadOptions options)
{
    public sealed record Result(long CompletedOrders, long Failures, double Seconds, double[] LatencyMs);

    public async Task<string> OpenStoreAsync()
    {
        var admin = await LoginAsync(InProcessServer.AdminPhone, InProcessServer.AdminPassword);
        var merchant = await RegisterAsync("13000000000");
        var store = await PostAsync(merchant, "/api/stores", new { name = "Load test store", region = new { province = "GD", city = "SZ", district = "NS" } });
        var storeId = store.GetProperty("id").GetString()!;
        await PostAsync(admin, $"/api/stores/{storeId}/approve", new { });
        return storeId;
    }

    public async Task<string[]> RegisterMembersAsync() =>
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(i => RegisterAsync($"131{i:D8}")));

    public async Task<Result> RunAsync(string storeId, string[] tokens)
    {
        var latencies = new List<double>[tokens.Length];
        long failures = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(tokens.Select((token, client) => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var order = await PostAsync(token, "/api/orders", new { storeId, amount = "100.00" });
                    await PostAsync(token, $"/api/orders/{order.GetProperty("id").GetString()}/pay", new { });
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, failures, clock.Elapsed.TotalSeconds, all);
    }

    /// <summary>Every member sells some points, all at once: the ledger must stay balanced.</summary>
    public Task SellAllAtOnceAsync(string[] tokens) =>
        Task.WhenAll(tokens.Select(token => http.SendAsync(Request(token, "/api/wallet/sell", new { points = "1.0000" }))));

    private async Task<string> RegisterAsync(string phone) =>
        (await PostAsync(null, "/api/accounts/register", new { phone, password = "load-test-pw" })).GetProperty("token").GetString()!;

    private async Task<string> LoginAsync(string phone, string password) =>
        (await PostAsync(null, "/api/accounts/login", new { phone, password })).GetProperty("token").GetString()!;

    private async Task<JsonElement> PostAsync(string? token, string path, object body)
    {
        using var response = await http.SendAsync(Request(token, path, body));
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Request(string? token, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
