using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.LoadTest;

/// <summary>
/// Many concurrent members each pay in store in a loop (<c>POST /api/stores/{id}/pay</c>: the order is created,
/// paid through the simulated provider and completed, points and rewards move) until the time is up. Client i pays through
/// node i mod n of <paramref name="nodes"/>; the setup goes through <paramref name="http"/>'s address.
/// </summary>
public sealed class LoadRun(HttpClient http, LoadOptions options, IReadOnlyList<Uri> nodes)
{
    /// <summary>What the measured window (after the warm-up) saw; <see cref="CpuSeconds"/> is this whole process's CPU time in it.</summary>
    public sealed record Result(long CompletedOrders, long Failures, double Seconds, double CpuSeconds, double[] LatencyMs);

    /// <summary>A store, approved; its share code.</summary>
    public async Task<(string Id, string ShareCode)> OpenStoreAsync()
    {
        var admin = await LoginAsync(InProcessServer.AdminPhone, InProcessServer.AdminPassword);
        var merchant = await RegisterAsync("13000000000");
        var store = await PostAsync(merchant, "/api/stores", new { name = "Load test store", region = new { province = "GD", city = "SZ", district = "NS" } });
        var storeId = store.GetProperty("id").GetString()!;
        var approved = await PostAsync(admin, $"/api/stores/{storeId}/approve", new { });
        return (storeId, approved.GetProperty("shareCode").GetString()!);
    }

    /// <summary>One member per client, through <paramref name="referralCode"/> if given.</summary>
    public async Task<string[]> RegisterMembersAsync(string? referralCode) =>
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(i => RegisterAsync($"131{i:D8}", referralCode)));

    public async Task<Result> RunAsync(string storeId, string[] tokens)
    {
        var latencies = new List<double>[tokens.Length];
        long failures = 0;
        // Orders during the warm-up are not counted: the JIT is still recompiling the hot path then.
        var warm = TimeSpan.FromSeconds(options.WarmupSeconds);
        var end = warm + TimeSpan.FromSeconds(options.Seconds);
        var cpuAtWarm = TimeSpan.Zero;
        var clockStart = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var cpuSampler = Task.Run(async () =>
        {
            await Task.Delay(warm);
            cpuAtWarm = Process.GetCurrentProcess().TotalProcessorTime;
        });
        // Built once, sent on a connection of its own per client: the generator shares the server's two cores, so each
        // order should cost it as little as possible.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { amount = "100.00" });
        await Task.WhenAll(tokens.Select((token, client) => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(16_384);
            var node = nodes[client % nodes.Count];
            var request = KeepAliveConnection.Request(node, "POST", $"/api/stores/{storeId}/pay", token, body);
            using var connection = await KeepAliveConnection.OpenAsync(node);
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await connection.SendAsync(request);
                // The order is complete when the answer arrives; its body (the order and the signed confirmation) is not needed.
                var counted = Stopwatch.GetElapsedTime(clockStart, started) >= warm && clock.Elapsed <= end;
                if (status is < 200 or > 299) Interlocked.Increment(ref failures);
                else if (counted) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await cpuSampler;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, failures, options.Seconds, (cpu - cpuAtWarm).TotalSeconds, all);
    }

    /// <summary>Every member sells some points, all at once: the ledger must stay balanced.</summary>
    public Task SellAllAtOnceAsync(string[] tokens) =>
        Task.WhenAll(tokens.Select(token => http.SendAsync(Request(token, "/api/wallet/sell", new { points = "1.0000" }))));

    private async Task<string> RegisterAsync(string phone, string? referralCode = null) =>
        (await PostAsync(null, "/api/accounts/register", new { phone, password = "load-test-pw", @ref = referralCode })).GetProperty("token").GetString()!;

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
