using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ValuePool.Server.Tests.Cluster;

/// <summary>
/// Members paying in store through every node in turn, each order under an Idempotency-Key of its own. A failed attempt
/// (no answer, 503) is retried under the same key on the next node until answered, as a client should across a failover;
/// an order still unanswered after <see cref="RetryLimit"/> fails the run. Any other 5xx is kept in <see cref="ServerErrors"/>
/// (and retried): a node that cannot take a request says so with 503. Bounded: it stops when told.
/// </summary>
public sealed class OrderLoad(IReadOnlyList<ServerNode> nodes, string storeId, IReadOnlyList<string> members)
{
    public static readonly TimeSpan RetryLimit = TimeSpan.FromSeconds(30);

    /// <summary>An answered order: its key, the order the answer names, Applied or Duplicate, and when it was answered (since the start).</summary>
    public sealed record Acknowledged(string Key, string OrderId, string Outcome, TimeSpan At);

    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _retries;

    public IReadOnlyCollection<Acknowledged> Answered => _acknowledged;
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;
    public long Retries => Interlocked.Read(ref _retries);
    public TimeSpan Now => _clock.Elapsed;

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(members.Select((token, client) => Task.Run(() => ClientAsync(client, token, stop))));

    private async Task ClientAsync(int client, string token, CancellationToken stop)
    {
        for (var order = 0; !stop.IsCancellationRequested; order++)
        {
            var key = $"c{client}-o{order}";
            var started = Stopwatch.StartNew();
            for (var attempt = client; ; attempt++)
            {
                if (started.Elapsed > RetryLimit) throw new TimeoutException($"order {key} unanswered after {RetryLimit}");
                if (await TryPayAsync(nodes[attempt % nodes.Count].Url, token, key) is { } answered)
                {
                    _acknowledged.Enqueue(answered);
                    break;
                }
                Interlocked.Increment(ref _retries);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private async Task<Acknowledged?> TryPayAsync(string node, string token, string key)
    {
        try
        {
            using var response = await ClusterApi.Http.SendAsync(ClusterApi.Request(HttpMethod.Post, $"{node}/api/stores/{storeId}/pay", token, new { amount = "1.00" }, key));
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable) _serverErrors.Enqueue($"order {key} on {node}: {(int)response.StatusCode} {body}");
                return null;
            }
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"order {key} on {node}: {(int)response.StatusCode} {body}");
            var answer = JsonDocument.Parse(body).RootElement;
            return new Acknowledged(key, answer.GetProperty("order").GetProperty("id").GetString()!, answer.GetProperty("outcome").GetString()!, _clock.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }
}
