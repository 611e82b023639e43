using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

namespace ValuePool.Server.Audit;

/// <summary>
/// One operator action: who (and the roles they held), when, what (the action and its target), and the request, before and after.
/// <see cref="Status"/> is the HTTP status answered (2xx done, 4xx refused), null when the change committed but the server stopped
/// before it answered.
/// </summary>
public sealed record OperatorLogEntry(string Id, DateTimeOffset At, string ActorId, string[] ActorRoles, string Action, string ActionTitle, string? Target,
    int? Status, JsonElement? Request, JsonElement? Before, JsonElement? After);

/// <summary>
/// The route metadata that marks an endpoint as an operator action (<see cref="OperatorLogging.Logged"/>): its name and, where cheap, how to
/// read the state it changes before the handler runs.
/// </summary>
public sealed record OperatorAction(string Name, Func<HttpContext, Task<object?>>? Before);

/// <summary>
/// The operator log (table <c>operator_log</c>): every admin, finance and merchant action, done or refused, recorded in one place by an
/// endpoint filter on the endpoints marked <see cref="OperatorAction"/>. The entry is written in the transaction of the action's first
/// change (<see cref="FirstWriteRows"/>), so no change is without its entry; the answer completes it. Secrets and passwords in a request
/// are left out.
/// </summary>
public sealed class OperatorLog(ServerDatabase database, ServerWriter writer)
{
    public static readonly SortKeys SortKeys = new(["at"], ("at", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["at"] = "at_ms" };
    private const string Columns = "id AS Id, at_ms AS AtMs, actor_id AS ActorId, actor_roles AS ActorRoles, action AS Action, target AS Target, " +
        "status AS Status, answered AS Answered, request AS Request, before_state AS Before, after_state AS After";

    /// <summary>Inserts <paramref name="row"/> in <paramref name="transaction"/> (the action's change's), not answered yet.</summary>
    public static void Insert(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Row row) =>
        connection.Execute(
            "INSERT INTO operator_log (id, at_ms, actor_id, actor_roles, action, target, status, answered, request, before_state, after_state) " +
            "VALUES (@Id, @AtMs, @ActorId, @ActorRoles, @Action, @Target, 0, 0, @Request, @Before, NULL)", row, transaction);

    /// <summary>Records the answer of an entry written with its change, or the whole entry of an action that changed nothing.</summary>
    public Task AnsweredAsync(Row row, int status, string? after, bool written) =>
        writer.WriteAsync((c, t) =>
        {
            if (!written) Insert(c, t, row);
            return c.Execute("UPDATE operator_log SET status = @status, answered = 1, after_state = @after WHERE id = @Id", new { row.Id, status, after }, t);
        });

    /// <summary>Removes the entry a replay's write carried before its answer said it changed nothing.</summary>
    public Task DiscardAsync(Row row) =>
        writer.WriteAsync((c, t) => c.Execute("DELETE FROM operator_log WHERE id = @Id AND answered = 0", new { row.Id }, t));

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

    /// <summary>
    /// The newest entry of one of <paramref name="actions"/> done on <paramref name="target"/> (e.g. who reviewed a withdrawal), or null:
    /// a refused attempt did nothing, an unanswered entry's change committed.
    /// </summary>
    public async Task<OperatorLogEntry?> LatestAsync(string[] actions, string target)
    {
        var rows = await database.QueryAsync<Row>(
            $"SELECT {Columns} FROM operator_log WHERE target = @target AND action IN (@first, @second) " +
            "AND (answered = 0 OR status BETWEEN 200 AND 299) ORDER BY at_ms DESC, id DESC LIMIT 1",
            new { target, first = actions[0], second = actions.Length > 1 ? actions[1] : actions[0] });
        return rows.Count == 0 ? null : Describe(rows[0]);
    }

    private static OperatorLogEntry Describe(Row row) =>
        new(row.Id, UnixTime.At(row.AtMs), row.ActorId, Roles.Split(row.ActorRoles), row.Action, OperatorActions.TitleOf(row.Action), row.Target,
            row.Answered != 0 ? (int)row.Status : null, Json(row.Request), Json(row.Before), Json(row.After));

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
        public long Answered { get; init; }
        public string? Request { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }
    }
}

public static class OperatorLogging
{
    /// <summary>Marks the endpoint an operator action named <paramref name="action"/>, recorded in the operator log with its answer.</summary>
    public static RouteHandlerBuilder Logged(this RouteHandlerBuilder endpoint, string action, Func<HttpContext, Task<object?>>? before = null) =>
        OperatorActions.Titles.ContainsKey(action)
            ? endpoint.WithMetadata(new OperatorAction(action, before)).AddEndpointFilter(RecordAsync)
            : throw new ArgumentException($"operator action {action} has no title in OperatorActions", nameof(action));

    /// <summary>
    /// Opens the entry before the handler runs, for its first write to commit with the change; completes it with the answer. A handler
    /// that fails leaves the entry as written: none if nothing committed, unanswered if its change did. A replay (<c>replayed</c>: a retry
    /// answered with the first request's result) changed nothing and adds nothing.
    /// </summary>
    private static async ValueTask<object?> RecordAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var action = http.GetEndpoint()?.Metadata.GetMetadata<OperatorAction>();
        if (action is null) return await next(context);
        var services = http.RequestServices;
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var before = action.Before is null ? null : await action.Before(http);
        var target = string.Join(",", http.Request.RouteValues.Where(pair => pair.Key is not ("format")).Select(pair => $"{pair.Key}={pair.Value}"));
        var caller = http.User;
        var entry = new OperatorLog.Row
        {
            Id = Ids.New("log"), AtMs = UnixTime.Ms(services.GetRequiredService<TimeProvider>().GetUtcNow()), ActorId = caller.Id(),
            ActorRoles = Roles.Join(caller.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(claim => claim.Value)), Action = action.Name,
            Target = target.Length == 0 ? null : target, Request = Redacted(context.Arguments.FirstOrDefault(IsRequestBody), json), Before = Redacted(before, json),
        };
        var pending = FirstWriteRows.Open((connection, transaction) => OperatorLog.Insert(connection, transaction, entry));
        object? answer;
        try { answer = await next(context); }
        finally { pending.Close(); }

        var result = answer;
        while (result is INestedHttpResult nested) result = nested.Result; // Results<…> wraps the one answered
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
        var after = Redacted((result as IValueHttpResult)?.Value, json);
        var replayed = after is not null && JsonNode.Parse(after) is JsonObject answered && answered["replayed"]?.GetValueKind() == JsonValueKind.True;
        var log = services.GetRequiredService<OperatorLog>();
        // A replay changed nothing: an entry a write of it carried (a claim that found the work done) goes again.
        if (replayed)
        {
            if (pending.IsWritten) await log.DiscardAsync(entry);
            return answer;
        }
        await log.AnsweredAsync(entry, status, after, pending.IsWritten);
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
