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

    private static string Payload(string kind, string eventId, object data, long nowMs) =>
        JsonSerializer.Serialize(new { eventId, kind, occurredMs = nowMs, data }, JsonSerializerOptions.Web);
}
