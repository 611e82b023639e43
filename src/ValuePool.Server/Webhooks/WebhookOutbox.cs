using System.Data.Common;
using System.Text.Json;
using Dapper;
using ValuePool.Server.Data;

namespace ValuePool.Server.Webhooks;

/// <summary>
/// Outgoing events (order completed, reward credited, forced exit, withdrawal status changed) are
/// written to the outbox in the same transaction as the change they report, one row per
/// subscription, and delivered later at least once; receivers de-duplicate by event id.
/// </summary>
public static class WebhookOutbox
{
    public const string OrderCompleted = "order.completed";
    public const string RewardCredited = "reward.credited";
    public const string ForcedExit = "member.forced_exit";
    public const string WithdrawalStatusChanged = "withdrawal.status_changed";

    private const string InsertSql =
        "INSERT INTO webhook_delivery (event_id, subscription_id, kind, payload, attempts, next_attempt_ms) " +
        "SELECT @eventId, id, @kind, @payload, 0, @nowMs FROM webhook_subscription WHERE true ON CONFLICT (event_id, subscription_id) DO NOTHING";

    public static void Enqueue(DbConnection connection, DbTransaction transaction, string kind, string eventId, object data, long nowMs) =>
        connection.Execute(InsertSql, new { eventId, kind, payload = Payload(kind, eventId, data, nowMs), nowMs }, transaction);

    /// <summary>
    /// The parameters of an event to write alongside a journal entry, serialised now, on the caller's thread, so that
    /// the sequencer's thread, which every order waits on, only binds them.
    /// </summary>
    public static (string Name, object? Value)[] Prepared(string kind, string eventId, object data, long nowMs) =>
        [("eventId", eventId), ("kind", kind), ("payload", Payload(kind, eventId, data, nowMs)), ("nowMs", nowMs)];

    /// <summary>A <see cref="Prepared"/> event, on the sequencer's connection alongside a journal entry, with the statement prepared once.</summary>
    public static void Enqueue(AlongsideStatements statements, DbConnection connection, DbTransaction transaction, (string Name, object? Value)[] prepared) =>
        statements.Execute(connection, transaction, InsertSql, prepared);

    /// <summary>
    /// <paramref name="events"/> (kind, event id, data), all in one statement, for every subscription; only if there is
    /// one, since the payloads cost more to make than the check.
    /// </summary>
    public static void EnqueueAll(ServerDatabase database, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(string Kind, string EventId, object Data)> events, long nowMs)
    {
        if (events.Count == 0 || connection.ExecuteScalar<long>("SELECT COUNT(*) FROM webhook_subscription", transaction: transaction) == 0) return;
        var rows = JsonSerializer.Serialize(events.Select(e => new[] { e.EventId, e.Kind, Payload(e.Kind, e.EventId, e.Data, nowMs) }));
        connection.Execute(
            "INSERT INTO webhook_delivery (event_id, subscription_id, kind, payload, attempts, next_attempt_ms) " +
            $"SELECT j.value ->> 0, s.id, j.value ->> 1, j.value ->> 2, 0, @nowMs FROM {database.JsonArrayRows("@rows")} CROSS JOIN webhook_subscription s " +
            "WHERE true ON CONFLICT (event_id, subscription_id) DO NOTHING", new { rows, nowMs }, transaction);
    }

    private static string Payload(string kind, string eventId, object data, long nowMs) =>
        JsonSerializer.Serialize(new { eventId, kind, occurredMs = nowMs, data }, JsonSerializerOptions.Web);
}
