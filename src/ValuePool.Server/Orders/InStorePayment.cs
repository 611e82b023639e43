using System.Security.Cryptography;
using System.Text;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Health;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Orders;

/// <summary>
/// An in-store QR payment in one step (MODEL.md §7: in-store orders complete on payment): the provider confirms
/// while the payer waits, the confirmation is verified like a callback, and the engine's <c>Consume</c> under
/// <c>order:{id}:complete</c> carries the order row (created, paid and completed at once) into its journal
/// transaction. So there is no moment, crash or not, when the money moved without the order or the reverse,
/// and a retry under the same key is answered from the journal and changes nothing.
/// </summary>
public sealed class InStorePayment(LedgerGateway ledger, OrderStore orders, SimulatedPaymentProvider provider, TimeProvider time, ServerMetrics metrics)
{
    public sealed record Outcome(Receipt Receipt, OrderRecord? Order, SignedCallback Confirmation);

    /// <summary>
    /// Pays <paramref name="amount"/> at the store. The order id is new (time-ordered), or derived from the caller's
    /// scoped idempotency key so that every retry names the same order (and the same journal key) without a lookup.
    /// </summary>
    public async Task<Outcome> PayAsync(string? scopedIdempotencyKey, string memberId, string storeId, Money amount)
    {
        var now = time.GetUtcNow();
        var nowMs = UnixTime.Ms(now);
        var orderId = scopedIdempotencyKey is null
            ? Ids.TimeOrdered("o", now)
            : "o_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopedIdempotencyKey)).AsSpan(0, 10));
        var order = new OrderRecord
        {
            Id = orderId, MemberId = memberId, StoreId = storeId, AmountFen = amount.Fen, Status = OrderStatus.Completed,
            PaymentId = "pay_" + orderId, CreatedMs = nowMs, PaidMs = nowMs, CompletedMs = nowMs,
        };
        var confirmation = provider.Confirm(order.PaymentId, order.Id, amount);
        // Trusted only as a verified notice for exactly this payment, as a callback would be.
        var notice = provider.Verify(confirmation.Body, confirmation.Signature, out var failure);
        if (notice is null || notice.PaymentId != order.PaymentId || notice.OrderId != order.Id || notice.Amount != amount)
            throw new InvalidOperationException($"the simulated provider's confirmation of {order.PaymentId} does not verify: {failure}");

        var receipt = await ledger.SubmitAsync($"order:{order.Id}:complete", new Consume(memberId, storeId, amount, now), orders.InsertCompleted(order));
        if (receipt.Status == SubmitStatus.Applied && receipt.Result.IsAccepted())
        {
            metrics.OrderCompleted();
            return new Outcome(receipt, order, confirmation);
        }
        // A retry finds the row its first attempt wrote (durable before any answer); a refusal or conflict wrote none.
        return new Outcome(receipt, receipt.Status == SubmitStatus.Duplicate ? await orders.FindAsync(order.Id) : null, confirmation);
    }
}
