using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Health;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Orders;

/// <summary>
/// A payment in one step, while the payer waits, with a provider that confirms at once (the simulated one): an in-store QR
/// payment (MODEL.md §7: in-store orders complete on payment), a membership card, or the cash part of a platform product bought
/// with shopping points (<see cref="PaidPurchase"/>; a real provider pays those in two steps). The provider confirms, the
/// confirmation is verified like a callback, and the engine's command under <c>order:{id}:complete</c> carries the order row
/// (created, paid and completed at once) into its journal transaction. So no money is booked that the provider did not collect, there is no moment, crash or not,
/// when the money moved without the order or the reverse, and a retry under the same key changes nothing.
/// </summary>
public sealed class ImmediatePayment(LedgerGateway ledger, OrderStore orders, IPaymentProvider provider, TimeProvider time, ServerMetrics metrics)
{
    public sealed record Outcome(Receipt Receipt, OrderRecord? Order, SignedCallback Confirmation);

    /// <summary>
    /// Pays <paramref name="amount"/> at the store. The order id is new (time-ordered), or derived from the caller's
    /// scoped idempotency key so that every retry names the same order (and the same journal key) without a lookup.
    /// </summary>
    public Task<Outcome> PayAsync(string? scopedIdempotencyKey, string memberId, string storeId, Money amount) =>
        PayForAsync(scopedIdempotencyKey, memberId, storeId, null, amount, now => new Consume(memberId, storeId, amount, now));

    /// <summary>
    /// Collects <paramref name="cash"/> through the provider for what <paramref name="command"/> books (at the
    /// payment's time), recording it as a completed order of the store or platform product.
    /// </summary>
    public async Task<Outcome> PayForAsync(string? scopedIdempotencyKey, string memberId, string? storeId, string? productId, Money cash,
        Func<DateTimeOffset, Command> command)
    {
        var now = time.GetUtcNow();
        var nowMs = UnixTime.Ms(now);
        var orderId = scopedIdempotencyKey is null ? Ids.TimeOrdered("o", now) : Ids.FromKey("o", scopedIdempotencyKey);
        var order = new OrderRecord
        {
            Id = orderId, MemberId = memberId, StoreId = storeId, ProductId = productId, AmountFen = cash.Fen, Status = OrderStatus.Completed,
            PaymentId = "pay_" + orderId, CreatedMs = nowMs, PaidMs = nowMs, CompletedMs = nowMs,
        };
        var confirmation = provider.ConfirmVerified(order.PaymentId, order.Id, cash);

        var receipt = await ledger.SubmitAsync(LedgerKeys.OrderCompletion(order.Id), command(now), orders.InsertCompleted(order));
        if (receipt.Status == SubmitStatus.Applied && receipt.Result.IsAccepted())
        {
            metrics.OrderCompleted();
            return new Outcome(receipt, order, confirmation);
        }
        // A retry finds the row its first attempt wrote (durable before any answer); a refusal or conflict wrote none.
        return new Outcome(receipt, receipt.Status == SubmitStatus.Duplicate ? await orders.FindAsync(order.Id) : null, confirmation);
    }
}
