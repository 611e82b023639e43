using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Ledger;
using ValuePool.Server.Orders;
using ValuePool.Storage.Codec;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Payments;

/// <summary>
/// A verified payment notice for a platform payment (its <c>OrderId</c> is the payment's <c>pp_</c> id, see <see cref="IsFor"/>):
/// only a payment awaiting it, under the same merchant order number and for exactly its amount, is granted. The grant is its
/// command submitted under <c>payment:{id}:apply</c>, so two deliveries racing each other submit it once; the row turns
/// <c>applied</c> and the event is remembered in the command's journal transaction. A refusal by the engine turns it
/// <c>refundDue</c>. Every delivery is logged with its outcome in <c>payment_callback_log</c>, like an order's.
/// </summary>
public sealed class PlatformPaymentNotices(LedgerGateway ledger, ServerDatabase database, ServerWriter writer, PlatformGrantRows grantRows, TimeProvider time)
{
    public const string IdPrefix = "pp";

    /// <summary>Orders' ids start <c>o_</c>; a platform payment's <c>pp_</c>, and the provider hands it back as the notice's order id.</summary>
    public static bool IsFor(PaymentNotice notice) => IsPaymentId(notice.OrderId);

    public static bool IsPaymentId(string id) => id.StartsWith(IdPrefix + "_", StringComparison.Ordinal);

    public async Task<CallbackOutcome> ApplyAsync(PaymentNotice notice)
    {
        var now = time.GetUtcNow();
        var nowMs = UnixTime.Ms(now);
        var payment = await database.QuerySingleAsync<PlatformPayment>(
            $"SELECT {PlatformPayments.Columns} FROM platform_payment WHERE id = @OrderId", new { notice.OrderId });
        if (Refusal(notice, payment) is { } refused)
        {
            var outcome = refused == CallbackOutcome.OutOfOrder && await SeenAsync(notice.EventId) ? CallbackOutcome.Duplicate : refused;
            await LogAsync(notice, outcome, nowMs);
            return outcome;
        }

        var command = CommandCodec.Decode(Convert.FromBase64String(payment!.GrantCommand!)) with { At = now };
        var rows = grantRows.Of(payment, command);
        var receipt = await ledger.SubmitAsync(PaymentKey(payment.Id), command, (c, t) =>
        {
            c.Execute("UPDATE platform_payment SET status = @applied, grant_command = NULL WHERE id = @Id AND status = @awaiting",
                new { payment.Id, applied = PlatformPaymentStatus.Applied, awaiting = PlatformPaymentStatus.AwaitingPayment }, t);
            PaymentEvents.Remember(c, t, notice.EventId, payment.Id, nowMs);
            OrderStore.Log(c, t, notice.EventId, payment.Id, CallbackOutcome.Applied, nowMs);
            rows?.Invoke(c, t);
        });
        if (receipt.Result.IsAccepted())
        {
            if (receipt.Status == SubmitStatus.Duplicate) await LogAsync(notice, CallbackOutcome.Duplicate, nowMs);
            return receipt.Status == SubmitStatus.Duplicate ? CallbackOutcome.Duplicate : CallbackOutcome.Applied;
        }
        // Paid, but refused (the region was taken meanwhile…): the money is due back. Conditional, so of racing deliveries one records it.
        return await writer.WriteAsync((c, t) =>
        {
            var recorded = c.Execute("UPDATE platform_payment SET status = @refundDue, refusal = @refusal, grant_command = NULL WHERE id = @Id AND status = @awaiting",
                new { payment.Id, refundDue = PlatformPaymentStatus.RefundDue, refusal = receipt.Result.ToString(), awaiting = PlatformPaymentStatus.AwaitingPayment }, t) == 1;
            var outcome = recorded ? CallbackOutcome.Applied : CallbackOutcome.Duplicate;
            if (recorded) PaymentEvents.Remember(c, t, notice.EventId, payment.Id, nowMs);
            OrderStore.Log(c, t, notice.EventId, payment.Id, outcome, nowMs);
            return outcome;
        });
    }

    public static string PaymentKey(string platformPaymentId) => LedgerKeys.PaymentApplication(platformPaymentId);

    private static CallbackOutcome? Refusal(PaymentNotice notice, PlatformPayment? payment)
    {
        if (payment is null || payment.PaymentId != notice.PaymentId) return CallbackOutcome.UnknownOrder;
        if (payment.AmountFen != notice.Amount.Fen) return CallbackOutcome.AmountMismatch;
        return payment.Status == PlatformPaymentStatus.AwaitingPayment && payment.GrantCommand is not null ? null : CallbackOutcome.OutOfOrder;
    }

    private Task<bool> SeenAsync(string eventId) => writer.WriteAsync((c, t) => PaymentEvents.Seen(c, t, eventId));

    private Task LogAsync(PaymentNotice notice, CallbackOutcome outcome, long nowMs) =>
        writer.WriteAsync((c, t) => { OrderStore.Log(c, t, notice.EventId, notice.OrderId, outcome, nowMs); return 0; });
}
