using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

namespace ValuePool.Server.Audit;

/// <summary>One operator action: who (and the roles they held), when, what (the action and its target), and the request, before and after.</summary>
public sealed record OperatorLogEntry(string Id, DateTimeOffset At, string ActorId, string[] ActorRoles, string Action, string? Target, int Status,
    JsonElement? Request, JsonElement? Before, JsonElement? After);

/// <summary>
/// The route metadata that marks an endpoint as an operator action (<see cref="OperatorLogging.Logged"/>): its name and, where cheap, how to
/// read the state it changes before the handler runs.
/// </summary>
public sealed record OperatorAction(string Name, Func<HttpContext, Task<object?>>? Before);

/// <summary>
/// The operator log (table <c>operator_log</c>): every admin, finance and merchant action that changed something, recorded in one place, an
/// endpoint filter on the endpoints marked <see cref="OperatorAction"/>, after the handler answered a success. Secrets and passwords in a
/// request are left out.
/// </summary>
public sealed class OperatorLog(ServerDatabase database, ServerWriter writer)
{
    public static readonly SortKeys SortKeys = new(["at"], ("at", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["at"] = "at_ms" };
    private const string Columns = "id AS Id, at_ms AS AtMs, actor_id AS ActorId, actor_roles AS ActorRoles, action AS Action, target AS Target, " +
        "status AS Status, request AS Request, before_state AS Before, after_state AS After";

    public Task AddAsync(Row row) =>
        writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO operator_log (id, at_ms, actor_id, actor_roles, action, target, status, request, before_state, after_state) " +
            "VALUES (@Id, @AtMs, @ActorId, @ActorRoles, @Action, @Target, @Status, @Request, @Before, @After)", row, t));

    /// <summary>Newest first; <c>q</c> searches the actor, the action and the target.</summary>
    public async Task<Paged<OperatorLogEntry>> PageAsync(string? action, string? actorId, ListQuery query)
    {
        const string where = "WHERE (@action IS NULL OR action = @action) AND (@actorId IS NULL OR actor_id = @actorId) AND (@pattern IS NULL OR " +
            "LOWER(actor_id) LIKE @pattern ESCAPE '\\' OR LOWER(action) LIKE @pattern ESCAPE '\\' OR LOWER(COALESCE(target, '')) LIKE @pattern ESCAPE '\\')";
        var parameters = new { action, actorId, pattern = query.SearchPattern, limit = query.PageSize, offset = query.Offset };
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM operator_log {where}", parameters);
        var rows = await database.QueryAsync<Row>(
            $"SELECT {Columns} FROM operator_log {where} ORDER BY {query.OrderBy(SortColumns)} LIMIT @limit OFFSET @offset", parameters);
        return query.PageOf(rows.Select(Describe).ToArray(), total);
    }

    /// <summary>The newest entry of one of <paramref name="actions"/> on <paramref name="target"/> (e.g. who reviewed a withdrawal), or null.</summary>
    public async Task<OperatorLogEntry?> LatestAsync(string[] actions, string target)
    {
        var rows = await database.QueryAsync<Row>(
            $"SELECT {Columns} FROM operator_log WHERE target = @target AND action IN (@first, @second) ORDER BY at_ms DESC, id DESC LIMIT 1",
            new { target, first = actions[0], second = actions.Length > 1 ? actions[1] : actions[0] });
        return rows.Count == 0 ? null : Describe(rows[0]);
    }

    private static OperatorLogEntry Describe(Row row) =>
        new(row.Id, UnixTime.At(row.AtMs), row.ActorId, Roles.Split(row.ActorRoles), row.Action, row.Target, (int)row.Status, Json(row.Request),
            Json(row.Before), Json(row.After));

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();

    public sealed class Row
    {
        public string Id { get; init; } = "";
        public long AtMs { get; init; }
        public string ActorId { get; init; } = "";
        public string ActorRoles { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Target { get; init; }
        public long Status { get; init; }
        public string? Request { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }
    }
}

public static class OperatorLogging
{
    /// <summary>Marks the endpoint an operator action named <paramref name="action"/>, recorded in the operator log when it succeeds.</summary>
    public static RouteHandlerBuilder Logged(this RouteHandlerBuilder endpoint, string action, Func<HttpContext, Task<object?>>? before = null) =>
        endpoint.WithMetadata(new OperatorAction(action, before)).AddEndpointFilter(RecordAsync);

    private static async ValueTask<object?> RecordAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var action = http.GetEndpoint()?.Metadata.GetMetadata<OperatorAction>();
        if (action is null) return await next(context);
        var before = action.Before is null ? null : await action.Before(http);
        var answer = await next(context);
        var result = answer;
        while (result is INestedHttpResult nested) result = nested.Result; // Results<…> wraps the one answered
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
        if (status is < 200 or >= 300) return answer;

        var services = http.RequestServices;
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var after = Redacted((result as IValueHttpResult)?.Value, json);
        if (after is not null && JsonNode.Parse(after) is JsonObject answered && answered["replayed"]?.GetValueKind() == JsonValueKind.True)
            return answer; // a retry answered with the first request's result changed nothing
        var request = context.Arguments.FirstOrDefault(IsRequestBody);
        var target = string.Join(",", http.Request.RouteValues.Where(pair => pair.Key is not ("format")).Select(pair => $"{pair.Key}={pair.Value}"));
        var caller = http.User;
        await services.GetRequiredService<OperatorLog>().AddAsync(new OperatorLog.Row
        {
            Id = Ids.New("log"), AtMs = UnixTime.Ms(services.GetRequiredService<TimeProvider>().GetUtcNow()), ActorId = caller.Id(),
            ActorRoles = Roles.Join(caller.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(claim => claim.Value)), Action = action.Name,
            Target = target.Length == 0 ? null : target, Status = status,
            Request = Redacted(request, json), Before = Redacted(before, json), After = after,
        });
        return answer;
    }

    /// <summary>The bound body: a request record of this API, or the raw JSON an endpoint reads itself (the configuration).</summary>
    private static bool IsRequestBody(object? argument) =>
        argument is JsonElement || (argument is not null && argument.GetType().Namespace?.StartsWith("ValuePool.Server", StringComparison.Ordinal) == true &&
            (argument.GetType().Name.EndsWith("Request", StringComparison.Ordinal) || argument.GetType().Name.EndsWith("Body", StringComparison.Ordinal)));

    /// <summary>The value as JSON without any property whose name says secret or password.</summary>
    private static string? Redacted(object? value, JsonSerializerOptions options)
    {
        if (value is null) return null;
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), options);
        Strip(node);
        return node?.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                    if (key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("password", StringComparison.OrdinalIgnoreCase)) obj.Remove(key);
                    else Strip(obj[key]);
                break;
            case JsonArray array:
                foreach (var item in array) Strip(item);
                break;
        }
    }
}
