using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

using ValuePool.Server.Audit;

namespace ValuePool.Server.Webhooks;

public sealed record SubscriptionRequest(string? Url, string? Secret);
public sealed record SubscriptionResponse(string Id, string Url);
/// <summary><c>lastError</c>: why the last attempt failed, in the request's language (Chinese by default); <c>lastErrorCode</c>: the same as a code.</summary>
public sealed record DeliveryResponse(string EventId, string Kind, long Attempts, bool Delivered, string? LastError, string? LastErrorCode);

/// <summary>Admins subscribe integrations to the platform's events and watch the deliveries.</summary>
public static class WebhooksApi
{
    private const int SecretLengthMin = 16;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/admin/webhooks").WithTags("Webhooks").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        api.MapPost("/", Subscribe).Logged("webhook.subscribe");
        api.MapGet("/deliveries", Deliveries);
        return api;
    }

    public static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> Subscribe(SubscriptionRequest request, ServerWriter writer, WebhookSecrets secrets, TimeProvider time)
    {
        var errors = new FieldErrors();
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) errors.Add("url", new("请填写以 http:// 或 https:// 开头的完整地址", "an absolute http(s) URL"));
        if (request.Secret is null || request.Secret.Length < SecretLengthMin) errors.Add("secret", new($"至少 {SecretLengthMin} 个字符", $"at least {SecretLengthMin} characters"));
        if (errors.Any) return errors.ToProblem();
        var id = Ids.New("wh");
        await writer.WriteAsync((c, t) => c.Execute("INSERT INTO webhook_subscription (id, url, secret, created_ms) VALUES (@id, @url, @secret, @nowMs)",
            new { id, url = url!.ToString(), secret = secrets.Protect(request.Secret!), nowMs = UnixTime.Ms(time.GetUtcNow()) }, t));
        return TypedResults.Created($"/api/admin/webhooks/{id}", new SubscriptionResponse(id, url!.ToString()));
    }

    public static readonly SortKeys SortKeys = new(["nextAttempt", "attempts"], ("nextAttempt", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["nextAttempt"] = "next_attempt_ms", ["attempts"] = "attempts" };

    /// <summary>
    /// The deliveries, the latest attempt first: paged, searched (<c>q</c>) by event id and kind, sorted by <c>nextAttempt</c> or
    /// <c>attempts</c>.
    /// </summary>
    public static async Task<Results<Ok<Paged<DeliveryResponse>>, ValidationProblem>> Deliveries(string? page, string? pageSize, string? q,
        string? sort, ServerDatabase database)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        const string where = "WHERE (@pattern IS NULL OR " +
            "LOWER(event_id) LIKE @pattern ESCAPE '\\' OR LOWER(kind) LIKE @pattern ESCAPE '\\')";
        var parameters = new { pattern = query.SearchPattern, limit = query.PageSize, offset = query.Offset };
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM webhook_delivery {where}", parameters);
        var rows = await database.QueryAsync<(string EventId, string Kind, long Attempts, long? DeliveredMs, string? LastError)>(
            $"SELECT event_id, kind, attempts, delivered_ms, last_error FROM webhook_delivery {where} ORDER BY {query.OrderBy(SortColumns, "event_id")} LIMIT @limit OFFSET @offset",
            parameters);
        return TypedResults.Ok(query.PageOf(rows.Select(row => new DeliveryResponse(row.EventId, row.Kind, row.Attempts, row.DeliveredMs is not null,
            row.LastError is { } code ? DeliveryFailures.Text(code).Text : null, row.LastError)).ToArray(), total));
    }
}
