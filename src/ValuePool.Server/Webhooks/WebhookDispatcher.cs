using System.Security.Cryptography;
using System.Text;
using Dapper;
using ValuePool.Server.Data;

namespace ValuePool.Server.Webhooks;

/// <summary>
/// Delivers the outbox: POST with <c>X-ValuePool-Event-Id</c> and <c>X-ValuePool-Signature</c>
/// (HMAC-SHA256 of the body with the subscription's secret). A failure is retried with exponential
/// back-off (30 s, 1 min, 2 min, … capped at 6 h), so each event arrives at least once.
/// </summary>
public sealed class WebhookDispatcher(ServerDatabase database, ServerWriter writer, IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider time,
    ILogger<WebhookDispatcher> log)
{
    public const string EventIdHeader = "X-ValuePool-Event-Id";
    public const string SignatureHeader = "X-ValuePool-Signature";
    private const int DeliveriesPerRunMax = 200;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryMax = TimeSpan.FromHours(6);

    private sealed record Due(string EventId, string SubscriptionId, string Kind, string Payload, long Attempts, string Url, string Secret);

    public async Task<int> DeliverDueAsync(CancellationToken cancel = default)
    {
        var nowMs = UnixTime.Ms(time.GetUtcNow());
        var due = await database.QueryAsync<Due>(
            "SELECT d.event_id AS EventId, d.subscription_id AS SubscriptionId, d.kind AS Kind, d.payload AS Payload, d.attempts AS Attempts, s.url AS Url, s.secret AS Secret " +
            "FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id " +
            "WHERE d.delivered_ms IS NULL AND d.next_attempt_ms <= @nowMs ORDER BY d.next_attempt_ms LIMIT @max", new { nowMs, max = DeliveriesPerRunMax });
        var delivered = 0;
        foreach (var delivery in due)
        {
            var error = await SendAsync(delivery, cancel);
            if (error is null) delivered++;
            await RecordAsync(delivery, error);
        }
        return delivered;
    }

    public static string Sign(string secret, string body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task<string?> SendAsync(Due delivery, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(EventIdHeader, delivery.EventId);
        request.Headers.Add(SignatureHeader, Sign(secrets.Reveal(delivery.Secret), delivery.Payload));
        try
        {
            using var response = await clients.CreateClient(nameof(WebhookDispatcher)).SendAsync(request, cancel);
            return response.IsSuccessStatusCode ? null : DeliveryFailures.Status((int)response.StatusCode);
        }
        catch (TaskCanceledException)
        {
            return DeliveryFailures.Timeout;
        }
        catch (HttpRequestException e)
        {
            log.LogInformation("Webhook {Event} to {Url}: {Why}", delivery.EventId, delivery.Url, e.Message);
            return DeliveryFailures.Unreachable;
        }
    }

    private Task RecordAsync(Due delivery, string? error)
    {
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        if (error is not null) log.LogWarning("Webhook {Event} to {Url} failed (attempt {Attempt}): {Error}", delivery.EventId, delivery.Url, attempts, error);
        var backOff = TimeSpan.FromTicks(Math.Min(RetryMax.Ticks, FirstRetry.Ticks << (int)Math.Min(attempts - 1, 20)));
        return writer.WriteAsync((c, t) => c.Execute(
            "UPDATE webhook_delivery SET attempts = @attempts, delivered_ms = @deliveredMs, next_attempt_ms = @nextMs, last_error = @error " +
            "WHERE event_id = @EventId AND subscription_id = @SubscriptionId",
            new
            {
                attempts, deliveredMs = error is null ? UnixTime.Ms(now) : (long?)null, nextMs = UnixTime.Ms(now + backOff), error,
                delivery.EventId, delivery.SubscriptionId,
            }, t));
    }
}
