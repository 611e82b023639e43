using System.Data.Common;
using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Server.Data;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Orders;

/// <summary>
/// Refunds before completion (MODEL.md §7: a paid order may be refunded until it completes; after that it is final): in full
/// or in part, through the provider that collected the money. The claim (the order still paid, the amount within what is
/// left once refunds in flight are counted) and the row are one write through the single writer, so two refunds racing each
/// other or the completion job cannot together return more than was paid. Only the provider's word (its answer, or a verified
/// refund notification) finishes a refund; a refund in flight holds the order's completion until then. A platform payment due back
/// is refunded through the same rows and finishing (<see cref="PlatformPaymentRefunds"/>), under its <c>pp_</c> id.
/// </summary>
public sealed class OrderRefunds(ServerDatabase database, ServerWriter writer, IPaymentProvider provider, TimeProvider time, ILogger<OrderRefunds> log)
{
    private const string Columns = "id AS Id, order_id AS OrderId, payment_id AS PaymentId, provider AS Provider, amount_fen AS AmountFen, reason AS Reason, " +
        "status AS Status, failure AS Failure, created_ms AS CreatedMs, finished_ms AS FinishedMs";

    public enum Outcome
    {
        /// <summary>The provider returned the money.</summary>
        Refunded,
        /// <summary>The provider accepted it; its notification finishes it.</summary>
        Processing,
        /// <summary>The order is not paid-and-not-completed (nothing changed).</summary>
        NotRefundable,
        /// <summary>More than is left of the order once refunds in flight are counted (nothing changed).</summary>
        TooMuch,
        /// <summary>The provider refused it (nothing was refunded).</summary>
        ProviderRefused,
    }

    public sealed record Result(Outcome Outcome, OrderRefund? Refund);

    public async Task<Result> RefundAsync(OrderRecord order, Money amount, string reason)
    {
        var refund = NewRefund(order.Id, order.PaymentId, amount, reason);
        var claim = await writer.WriteAsync((c, t) =>
        {
            var current = c.QuerySingleOrDefault<OrderRecord>("SELECT status AS Status, amount_fen AS AmountFen, refunded_fen AS RefundedFen FROM customer_order WHERE id = @Id",
                new { order.Id }, t);
            if (current is not { Status: OrderStatus.Paid }) return Outcome.NotRefundable;
            var inFlightFen = c.ExecuteScalar<long>("SELECT COALESCE(SUM(amount_fen), 0) FROM order_refund WHERE order_id = @Id AND status = @Requested",
                new { order.Id, OrderRefundStatus.Requested }, t);
            if (amount.Fen > current.KeptFen - inFlightFen) return Outcome.TooMuch;
            Insert(c, t, refund);
            return Outcome.Processing;
        });
        if (claim != Outcome.Processing) return new Result(claim, null);
        return await SendAsync(refund, new Money(order.AmountFen));
    }

    /// <summary>A new refund (<c>requested</c>) of <paramref name="amount"/> of the payment, to be claimed and recorded by the caller.</summary>
    public OrderRefund NewRefund(string orderId, string paymentId, Money amount, string reason) => new()
    {
        Id = Ids.New("rf"), OrderId = orderId, PaymentId = paymentId, Provider = provider.Name, AmountFen = amount.Fen, Reason = reason,
        Status = OrderRefundStatus.Requested, CreatedMs = UnixTime.Ms(time.GetUtcNow()),
    };

    /// <summary>The row of a refund claimed in the caller's write, before the provider is asked.</summary>
    public static void Insert(DbConnection c, DbTransaction t, OrderRefund refund) =>
        c.Execute("INSERT INTO order_refund (id, order_id, payment_id, provider, amount_fen, reason, status, created_ms) " +
            "VALUES (@Id, @OrderId, @PaymentId, @Provider, @AmountFen, @Reason, @Status, @CreatedMs)", refund, t);

    /// <summary>
    /// Asks the provider to return a claimed refund of a payment of <paramref name="total"/>, and finishes it by its answer (as its
    /// notification would): returned, refused, or left requested for the notification.
    /// </summary>
    public async Task<Result> SendAsync(OrderRefund refund, Money total)
    {
        var amount = new Money(refund.AmountFen);
        var started = await provider.RefundAsync(new RefundRequest(refund.Id, refund.PaymentId, amount, total, refund.Reason));
        switch (started.Progress)
        {
            case RefundProgress.Succeeded:
                await FinishAsync(new RefundNotice($"{provider.Name}:refund:{refund.Id}", refund.Id, refund.PaymentId, amount, Succeeded: true));
                return new Result(Outcome.Refunded, await FindAsync(refund.Id));
            case RefundProgress.Failed:
                await FinishAsync(new RefundNotice($"{provider.Name}:refund:{refund.Id}", refund.Id, refund.PaymentId, amount, Succeeded: false), started.Failure);
                return new Result(Outcome.ProviderRefused, await FindAsync(refund.Id));
            default:
                return new Result(Outcome.Processing, await FindAsync(refund.Id));
        }
    }

    /// <summary>
    /// Finishes a requested refund once, by the provider's word: a second word, one for an unknown refund or payment, or one for
    /// another amount changes nothing. Every word is logged with what it did.
    /// </summary>
    public Task<CallbackOutcome> FinishAsync(RefundNotice notice, string? failure = null) =>
        writer.WriteAsync((c, t) =>
        {
            var nowMs = UnixTime.Ms(time.GetUtcNow());
            var refund = c.QuerySingleOrDefault<OrderRefund>($"SELECT {Columns} FROM order_refund WHERE id = @RefundId", new { notice.RefundId }, t);
            var outcome = refund switch
            {
                null => CallbackOutcome.UnknownOrder,
                _ when refund.PaymentId != notice.PaymentId => CallbackOutcome.UnknownOrder,
                _ when refund.AmountFen != notice.Refund.Fen => CallbackOutcome.AmountMismatch,
                { Status: not OrderRefundStatus.Requested } => CallbackOutcome.Duplicate,
                _ => CallbackOutcome.Applied,
            };
            if (outcome == CallbackOutcome.Applied)
            {
                c.Execute("UPDATE order_refund SET status = @status, failure = @failure, finished_ms = @nowMs WHERE id = @RefundId",
                    new { status = notice.Succeeded ? OrderRefundStatus.Succeeded : OrderRefundStatus.Failed, failure, nowMs, notice.RefundId }, t);
                // A platform payment due back (its pp_ id, PlatformPaymentRefunds) is refunded, or due back again when the provider refused.
                if (PlatformPaymentNotices.IsPaymentId(refund!.OrderId))
                    c.Execute("UPDATE platform_payment SET status = @to WHERE id = @OrderId AND status = @refunding", new
                    {
                        to = notice.Succeeded ? PlatformPaymentStatus.Refunded : PlatformPaymentStatus.RefundDue, refund.OrderId,
                        refunding = PlatformPaymentStatus.Refunding,
                    }, t);
                else if (notice.Succeeded)
                    c.Execute("UPDATE customer_order SET refunded_fen = refunded_fen + @AmountFen, " +
                        "status = CASE WHEN refunded_fen + @AmountFen = amount_fen THEN @refunded ELSE status END, " +
                        "refunded_ms = CASE WHEN refunded_fen + @AmountFen = amount_fen THEN @nowMs ELSE refunded_ms END WHERE id = @OrderId",
                        new { refund.AmountFen, refunded = OrderStatus.Refunded, nowMs, refund.OrderId }, t);
            }
            else log.LogWarning("Refund notice {Event} for refund {Refund} ignored: {Outcome}", notice.EventId, notice.RefundId, outcome);
            OrderStore.Log(c, t, notice.EventId, refund?.OrderId, outcome, nowMs);
            return outcome;
        });

    public Task<OrderRefund?> FindAsync(string id) =>
        database.QuerySingleAsync<OrderRefund>($"SELECT {Columns} FROM order_refund WHERE id = @id", new { id });

    /// <summary>The order's refunds, oldest first: every state visible to the buyer and the store.</summary>
    public Task<IReadOnlyList<OrderRefund>> OfOrderAsync(string orderId) =>
        database.QueryAsync<OrderRefund>($"SELECT {Columns} FROM order_refund WHERE order_id = @orderId ORDER BY created_ms, id", new { orderId });
}
