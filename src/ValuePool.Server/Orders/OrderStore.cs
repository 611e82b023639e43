using System.Data.Common;
using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;
using ValuePool.Server.Webhooks;
using ValuePool.Storage.Journal;

namespace ValuePool.Server.Orders;

/// <summary>
/// Orders' states. Every transition is one conditional update through the single writer, so of two
/// racing transitions (a callback twice, a refund against completion) exactly one wins.
/// </summary>
public sealed class OrderStore(ServerDatabase database, ServerWriter writer, AlongsideStatements alongside, LedgerGateway ledger)
{
    private const string Columns = "id AS Id, member_id AS MemberId, store_id AS StoreId, product_id AS ProductId, amount_fen AS AmountFen, " +
        "shipped AS Shipped, status AS Status, payment_id AS PaymentId, created_ms AS CreatedMs, paid_ms AS PaidMs, complete_due_ms AS CompleteDueMs, " +
        "completed_ms AS CompletedMs, refunded_ms AS RefundedMs, refunded_fen AS RefundedFen";

    /// <summary>A new order waiting for payment, indexed under its member at once (see <see cref="MemberOrderIndex"/>).</summary>
    public Task AddAsync(OrderRecord order) =>
        writer.WriteAsync((c, t) =>
        {
            c.Execute("INSERT INTO customer_order (id, member_id, store_id, product_id, amount_fen, shipped, status, payment_id, created_ms) " +
                "VALUES (@Id, @MemberId, @StoreId, @ProductId, @AmountFen, @Shipped, @Status, @PaymentId, @CreatedMs)", order, t);
            return c.Execute("INSERT INTO member_order (member_id, order_id) VALUES (@MemberId, @Id)", order, t);
        });

    /// <summary>Like <see cref="AddAsync"/>, but an order already there under this id (a retry under the same key) is kept as it is.</summary>
    public Task TryAddAsync(OrderRecord order) =>
        writer.WriteAsync((c, t) =>
        {
            if (c.Execute("INSERT INTO customer_order (id, member_id, store_id, product_id, amount_fen, shipped, status, payment_id, created_ms) " +
                    "VALUES (@Id, @MemberId, @StoreId, @ProductId, @AmountFen, @Shipped, @Status, @PaymentId, @CreatedMs) ON CONFLICT DO NOTHING", order, t) == 0) return 0;
            return c.Execute("INSERT INTO member_order (member_id, order_id) VALUES (@MemberId, @Id)", order, t);
        });

    public Task<OrderRecord?> FindAsync(string id) =>
        database.QuerySingleAsync<OrderRecord>($"SELECT {Columns} FROM customer_order WHERE id = @id", new { id });

    /// <summary>The sort keys of an order list and their columns.</summary>
    public static readonly SortKeys SortKeys = new(["createdAt", "amount", "status"], ("createdAt", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["createdAt"] = "created_ms", ["amount"] = "amount_fen", ["status"] = "status" };
    private const string Filter = "(@status IS NULL OR status = @status) AND (@pattern IS NULL OR LOWER(id) LIKE @pattern ESCAPE '\\' OR " +
        "LOWER(COALESCE(store_id, '')) LIKE @pattern ESCAPE '\\' OR LOWER(COALESCE(product_id, '')) LIKE @pattern ESCAPE '\\' OR " +
        "LOWER(member_id) LIKE @pattern ESCAPE '\\')";
    private const string OfMember = "id IN (SELECT order_id FROM member_order WHERE member_id = @memberId)";

    /// <summary>A page of the member's orders, every durable one included, filtered, sorted and counted in SQL.</summary>
    public async Task<Paged<OrderRecord>> PageOfMemberAsync(string memberId, string? status, ListQuery query)
    {
        await ledger.SyncProjectionsAsync();
        return await PageAsync(OfMember, new { memberId, status, pattern = query.SearchPattern }, query);
    }

    public Task<Paged<OrderRecord>> PageOfStoreAsync(string storeId, string? status, ListQuery query) =>
        PageAsync("store_id = @storeId", new { storeId, status, pattern = query.SearchPattern }, query);

    /// <summary>The orders of the stores in <paramref name="region"/> (its province, city or district).</summary>
    private const string OfRegion = "store_id IN (SELECT id FROM store WHERE province = @province AND (@city IS NULL OR city = @city) AND " +
        "(@district IS NULL OR district = @district))";

    public Task<Paged<OrderRecord>> PageOfRegionAsync(Region region, string? status, ListQuery query) =>
        PageAsync(OfRegion, RegionParameters(region, status, query), query);

    /// <summary>Every order the filters match, in the query's order, for an export (at most <paramref name="countMax"/>).</summary>
    public async Task<IReadOnlyList<OrderRecord>> AllOfAsync(string? memberId, string? storeId, string? status, ListQuery query, int countMax)
    {
        if (memberId is not null) await ledger.SyncProjectionsAsync();
        var scope = memberId is not null ? OfMember : "store_id = @storeId";
        return await AllAsync(scope, new { memberId, storeId, status, pattern = query.SearchPattern }, query, countMax);
    }

    public Task<IReadOnlyList<OrderRecord>> AllOfRegionAsync(Region region, string? status, ListQuery query, int countMax) =>
        AllAsync(OfRegion, RegionParameters(region, status, query), query, countMax);

    private static object RegionParameters(Region region, string? status, ListQuery query) => new
    {
        province = region.Parts[0], city = region.Parts.ElementAtOrDefault(1), district = region.Parts.ElementAtOrDefault(2), status,
        pattern = query.SearchPattern,
    };

    private Task<IReadOnlyList<OrderRecord>> AllAsync(string scope, object parameters, ListQuery query, int countMax)
    {
        var bag = new DynamicParameters(parameters);
        bag.Add("countMax", countMax);
        return database.QueryAsync<OrderRecord>(
            $"SELECT {Columns} FROM customer_order WHERE {scope} AND {Filter} ORDER BY {query.OrderBy(SortColumns)} LIMIT @countMax", bag);
    }

    private async Task<Paged<OrderRecord>> PageAsync(string scope, object parameters, ListQuery query)
    {
        var where = $"WHERE {scope} AND {Filter}";
        var bag = new DynamicParameters(parameters);
        bag.Add("limit", query.PageSize);
        bag.Add("offset", query.Offset);
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM customer_order {where}", bag);
        var items = await database.QueryAsync<OrderRecord>(
            $"SELECT {Columns} FROM customer_order {where} ORDER BY {query.OrderBy(SortColumns)} LIMIT @limit OFFSET @offset", bag);
        return query.PageOf(items, total);
    }

    /// <summary>
    /// Applies a verified payment notice once: a seen event id, an unknown order, a wrong amount or an
    /// order no longer waiting for payment changes nothing; every delivery is logged with its outcome.
    /// </summary>
    public Task<(CallbackOutcome Outcome, OrderRecord? Order)> ApplyPaymentAsync(PaymentNotice notice, long nowMs, long afterSalesMs) =>
        writer.WriteAsync((c, t) =>
        {
            var outcome = Decide(c, t, notice, nowMs, afterSalesMs, out var order);
            Log(c, t, notice.EventId, notice.OrderId, outcome, nowMs);
            return (outcome, order);
        });

    public Task LogCallbackAsync(string? eventId, string? orderId, CallbackOutcome outcome, long nowMs) =>
        writer.WriteAsync((c, t) => { Log(c, t, eventId, orderId, outcome, nowMs); return 0; });

    public Task<IReadOnlyList<(string Outcome, long Count)>> CallbackOutcomesAsync(string orderId) =>
        database.QueryAsync<(string, long)>("SELECT outcome, COUNT(*) FROM payment_callback_log WHERE order_id = @orderId GROUP BY outcome ORDER BY outcome", new { orderId });

    /// <summary>Completes the order and queues its webhook in the same transaction.</summary>
    public Task<bool> MarkCompletedAsync(OrderRecord order, long nowMs) =>
        writer.WriteAsync((c, t) =>
        {
            var completed = c.Execute("UPDATE customer_order SET status = @to, completed_ms = @nowMs WHERE id = @Id AND status = @from",
                new { order.Id, from = OrderStatus.Completing, to = OrderStatus.Completed, nowMs }, t) == 1;
            if (completed) WebhookOutbox.Enqueue(c, t, WebhookOutbox.OrderCompleted, CompletedEventId(order), CompletedEvent(order), nowMs);
            return completed;
        });

    /// <summary>
    /// An order paid and completed at once (an in-store payment), with its webhook, as rows written in the
    /// transaction of its <c>Consume</c>'s journal entry: the order exists exactly when its money moved.
    /// A conflict can only be this order written before under the same key, which the sequencer already answers.
    /// Both rows' values are made here, on the request's thread: the delegate runs on the sequencer's, which every order waits on.
    /// </summary>
    public AlongsideRows InsertCompleted(OrderRecord order)
    {
        (string, object?)[] row =
        [
            ("id", order.Id), ("memberId", order.MemberId), ("storeId", order.StoreId), ("productId", order.ProductId), ("amountFen", order.AmountFen),
            ("shipped", order.Shipped), ("status", order.Status), ("paymentId", order.PaymentId), ("createdMs", order.CreatedMs), ("paidMs", order.PaidMs),
            ("completedMs", order.CompletedMs),
        ];
        var completedEvent = WebhookOutbox.Prepared(WebhookOutbox.OrderCompleted, CompletedEventId(order), CompletedEvent(order), order.CompletedMs!.Value);
        return (c, t) =>
        {
            alongside.Execute(c, t,
                "INSERT INTO customer_order (id, member_id, store_id, product_id, amount_fen, shipped, status, payment_id, created_ms, paid_ms, completed_ms) " +
                "VALUES (@id, @memberId, @storeId, @productId, @amountFen, @shipped, @status, @paymentId, @createdMs, @paidMs, @completedMs) ON CONFLICT DO NOTHING",
                row);
            WebhookOutbox.Enqueue(alongside, c, t, completedEvent);
        };
    }

    /// <summary>
    /// Like <see cref="InsertCompleted"/>, and indexed under its member at once: for an order completed by a platform payment's grant
    /// (under <c>payment:{id}:apply</c>, which <see cref="MemberOrderIndex"/> does not follow), few enough to index in their commit.
    /// </summary>
    public AlongsideRows InsertCompletedIndexed(OrderRecord order)
    {
        var completed = InsertCompleted(order);
        return (c, t) =>
        {
            completed(c, t);
            alongside.Execute(c, t, "INSERT INTO member_order (member_id, order_id) VALUES (@memberId, @id) ON CONFLICT DO NOTHING",
                ("memberId", order.MemberId), ("id", order.Id));
        };
    }

    /// <summary>
    /// Shipped orders whose after-sales window has passed, and orders left completing by a stop, claimed for completion; an order
    /// with a refund the provider has not finished waits for it (OrderRefunds), so completion moves only what was kept.
    /// </summary>
    public Task<IReadOnlyList<OrderRecord>> ClaimDueAsync(long nowMs) =>
        writer.WriteAsync<IReadOnlyList<OrderRecord>>((c, t) =>
        {
            c.Execute($"UPDATE customer_order SET status = '{OrderStatus.Completing}' WHERE status = '{OrderStatus.Paid}' AND complete_due_ms <= @nowMs " +
                $"AND NOT EXISTS (SELECT 1 FROM order_refund WHERE order_refund.order_id = customer_order.id AND order_refund.status = '{OrderRefundStatus.Requested}')",
                new { nowMs }, t);
            return c.Query<OrderRecord>($"SELECT {Columns} FROM customer_order WHERE status = '{OrderStatus.Completing}'", transaction: t).AsList();
        });

    /// <summary>The amount of the member's first completed order, for the promoter qualification.</summary>
    public async Task<Money?> FirstCompletedAmountAsync(string memberId)
    {
        await ledger.SyncProjectionsAsync();
        var fen = await database.QuerySingleAsync<long?>(
            "SELECT amount_fen FROM customer_order WHERE id IN (SELECT order_id FROM member_order WHERE member_id = @memberId) AND status = @completed " +
            "ORDER BY completed_ms, id LIMIT 1", new { memberId, completed = OrderStatus.Completed });
        return fen is { } value ? new Money(value) : null;
    }

    private static CallbackOutcome Decide(DbConnection c, DbTransaction t, PaymentNotice notice, long nowMs, long afterSalesMs, out OrderRecord? order)
    {
        order = null;
        if (PaymentEvents.Seen(c, t, notice.EventId)) return CallbackOutcome.Duplicate;
        order = c.QuerySingleOrDefault<OrderRecord>($"SELECT {Columns} FROM customer_order WHERE id = @OrderId", new { notice.OrderId }, t);
        if (order is null || order.PaymentId != notice.PaymentId) return CallbackOutcome.UnknownOrder;
        if (order.AmountFen != notice.Amount.Fen) return CallbackOutcome.AmountMismatch;
        if (order.Status != OrderStatus.Created) return CallbackOutcome.OutOfOrder;
        PaymentEvents.Remember(c, t, notice.EventId, notice.OrderId, nowMs);
        // In-store payments complete at once (MODEL.md §7); shipped ones wait out the after-sales window.
        var next = order.IsShipped ? OrderStatus.Paid : OrderStatus.Completing;
        long? dueMs = order.IsShipped ? nowMs + afterSalesMs : null;
        c.Execute("UPDATE customer_order SET status = @next, paid_ms = @nowMs, complete_due_ms = @dueMs WHERE id = @Id",
            new { next, nowMs, dueMs, order.Id }, t);
        order = c.QuerySingle<OrderRecord>($"SELECT {Columns} FROM customer_order WHERE id = @Id", new { order.Id }, t);
        return CallbackOutcome.Applied;
    }

    private static string CompletedEventId(OrderRecord order) => $"order.completed:{order.Id}";

    private static object CompletedEvent(OrderRecord order) =>
        new { orderId = order.Id, memberId = order.MemberId, storeId = order.StoreId, amount = new Money(order.AmountFen).ToString() };

    public static void Log(DbConnection c, DbTransaction t, string? eventId, string? orderId, CallbackOutcome outcome, long nowMs) =>
        c.Execute("INSERT INTO payment_callback_log (id, event_id, order_id, outcome, received_ms) VALUES (@id, @eventId, @orderId, @outcome, @nowMs)",
            new { id = Ids.New("cb"), eventId, orderId, outcome = outcome.ToString(), nowMs }, t);
}
