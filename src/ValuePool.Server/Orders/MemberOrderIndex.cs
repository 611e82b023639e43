using System.Text.Json;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;

namespace ValuePool.Server.Orders;

/// <summary>
/// Which orders are a member's (<c>member_order</c>), for their order list and the promoter qualification. An order
/// completed through the journal (<c>order:{id}:complete</c>: every in-store payment) is indexed with the projections,
/// not in its group commit, where a member-keyed row would dirty a random page per order (measured: a fifth of the
/// throughput). An order made in two steps is indexed when created (<see cref="OrderStore.AddAsync"/>), so its
/// completion finds its row there. Readers sync the projections first, so they see every durable order.
/// </summary>
public sealed class MemberOrderIndex(ServerDatabase database, AlongsideStatements statements) : IEntryProjection
{
    private const string KeyPrefix = "order:";
    private const string KeySuffix = ":complete";
    private readonly List<string> _orderIds = [];

    public void Observe(long sequence, string idempotencyKey, Command command, CommandResult result)
    {
        if (result.IsAccepted() && idempotencyKey.StartsWith(KeyPrefix, StringComparison.Ordinal) && idempotencyKey.EndsWith(KeySuffix, StringComparison.Ordinal))
            _orderIds.Add(idempotencyKey[KeyPrefix.Length..^KeySuffix.Length]);
    }

    public AlongsideRows? Flush()
    {
        if (_orderIds.Count == 0) return null;
        var orderIds = _orderIds.ToArray();
        _orderIds.Clear();
        // The member comes from the order's row, durable with (or before) the entry that completed it. All ids go in one
        // parameter (binding parameters is most of a statement's cost): a text array on PostgreSQL, a JSON array on SQLite.
        return database.IsPostgres
            ? (connection, transaction) => statements.Execute(connection, transaction,
                "INSERT INTO member_order (member_id, order_id) SELECT o.member_id, o.id FROM unnest(@ids) AS i (id) JOIN customer_order o ON o.id = i.id " +
                "ON CONFLICT DO NOTHING", ("ids", orderIds))
            // CROSS JOIN makes SQLite walk the ids and seek each order, rather than scan every order for the ids.
            : (connection, transaction) => statements.Execute(connection, transaction,
                "INSERT INTO member_order (member_id, order_id) SELECT o.member_id, o.id FROM json_each(@ids) AS i CROSS JOIN customer_order o ON o.id = i.value " +
                "WHERE true ON CONFLICT DO NOTHING", ("ids", JsonSerializer.Serialize(orderIds)));
    }
}
