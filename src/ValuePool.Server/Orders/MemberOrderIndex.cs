using System.Text.Json;
using ValuePool.Core.Engine;
using ValuePool.Server.Ledger;
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
    private readonly List<(string Buyer, string OrderId)> _orders = [];

    public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine)
    {
        if (engine.Outcome.Result.IsAccepted() && LedgerKeys.OrderOfCompletion(idempotencyKey) is { } orderId) _orders.Add((Buyer(command), orderId));
    }

    /// <summary>Pieces of orders grouped by buyer, so a member's rows share their page's write.</summary>
    public IReadOnlyList<AlongsideRows> Flush()
    {
        var pieces = _orders.OrderBy(order => order.Buyer, StringComparer.Ordinal).Select(order => order.OrderId).Chunk(IdsPerPiece).Select(Insert).ToList();
        _orders.Clear();
        return pieces;
    }

    /// <summary>Only to group the rows: the member written is the order row's, whatever command completed it.</summary>
    private static string Buyer(Command command) => command switch
    {
        Consume consume => consume.Member,
        BuyCard card => card.Member,
        BuyWithShoppingPoints purchase => purchase.Member,
        _ => "",
    };

    private const int IdsPerPiece = 256;

    /// <summary>
    /// The orders' rows; the member comes from the order's row, durable with (or before) the entry that completed it. All
    /// ids go in one parameter, a JSON array of one-id arrays (binding parameters is most of a statement's cost); SQLite
    /// walks it and seeks each order (its plan checked with EXPLAIN QUERY PLAN).
    /// </summary>
    private AlongsideRows Insert(string[] orderIds) => (connection, transaction) => statements.Execute(connection, transaction,
        $"INSERT INTO member_order (member_id, order_id) SELECT o.member_id, o.id FROM {database.JsonArrayRows("@ids")}, customer_order o " +
        "WHERE o.id = j.value ->> 0 ON CONFLICT DO NOTHING", ("ids", JsonSerializer.Serialize(orderIds.Select(id => new[] { id }))));
}
