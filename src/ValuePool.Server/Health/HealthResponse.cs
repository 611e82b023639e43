using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ValuePool.Server.Health;

/// <summary>
/// <c>/health</c>'s body: <c>{"status":"Healthy","role":"leader","sequence":…,"lagEntries":0}</c> (the ledger check's data),
/// 200 when healthy (a follower too) and 503 otherwise, so a load balancer's check and an operator read the same answer.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object> { ["status"] = report.Status.ToString() };
        foreach (var entry in report.Entries.Values)
            foreach (var (name, value) in entry.Data) body[name] = value;
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
