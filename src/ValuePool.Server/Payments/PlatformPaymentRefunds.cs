using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Payments;

/// <summary>
/// Returns a platform payment that is due back (<c>refundDue</c>: collected, then refused by the engine, so the ledger never booked
/// it) through the provider that collected it, in full. The claim (the row still <c>refundDue</c> turns <c>refunding</c>) and the
/// refund's row are one write through the single writer, so two finance clicks racing each other ask the provider once. The refund
/// is an <c>order_refund</c> of the payment's id, so the provider's answer or its refund notification finishes it through
/// <see cref="OrderRefunds"/> (which turns the payment <c>refunded</c>, or <c>refundDue</c> again when the provider refused), and
/// the daily reconciliation matches it against the provider's bill like an order's refund.
/// </summary>
public sealed class PlatformPaymentRefunds(ServerWriter writer, OrderRefunds refunds, PlatformPayments payments)
{
    public enum Outcome
    {
        /// <summary>The provider returned the money: the payment is <c>refunded</c>.</summary>
        Refunded,
        /// <summary>The provider accepted it; its refund notification finishes it (the payment stays <c>refunding</c>).</summary>
        Processing,
        /// <summary>The provider refused it: nothing was returned, the payment is <c>refundDue</c> again.</summary>
        ProviderRefused,
        /// <summary>The payment was refunded, or is being refunded, by an earlier request: nothing asked again.</summary>
        AlreadyRefunding,
        /// <summary>The payment is not due back (awaiting the payer, or granted): nothing changed.</summary>
        NotDue,
    }

    public sealed record Result(Outcome Outcome, PlatformPayment Payment, OrderRefund? Refund);

    public async Task<Result> RefundAsync(PlatformPayment payment)
    {
        var refund = refunds.NewRefund(payment.Id, payment.PaymentId, new Money(payment.AmountFen), ReasonOf(payment));
        var claimed = await writer.WriteAsync((c, t) =>
        {
            if (c.Execute("UPDATE platform_payment SET status = @refunding WHERE id = @Id AND status = @refundDue",
                    new { payment.Id, refunding = PlatformPaymentStatus.Refunding, refundDue = PlatformPaymentStatus.RefundDue }, t) == 0) return false;
            OrderRefunds.Insert(c, t, refund);
            return true;
        });
        if (!claimed)
        {
            var current = (await payments.FindAsync(payment.Id))!;
            var earlier = (await refunds.OfOrderAsync(payment.Id)).LastOrDefault();
            var already = current.Status is PlatformPaymentStatus.Refunding or PlatformPaymentStatus.Refunded;
            return new Result(already ? Outcome.AlreadyRefunding : Outcome.NotDue, current, already ? earlier : null);
        }
        var sent = await refunds.SendAsync(refund, new Money(payment.AmountFen));
        var outcome = sent.Outcome switch
        {
            OrderRefunds.Outcome.Refunded => Outcome.Refunded,
            OrderRefunds.Outcome.ProviderRefused => Outcome.ProviderRefused,
            _ => Outcome.Processing,
        };
        return new Result(outcome, (await payments.FindAsync(payment.Id))!, sent.Refund);
    }

    // WeChat Pay shows the reason to the payer and takes at most 80 characters.
    private const int ReasonLengthMax = 80;

    /// <summary>Why the money goes back, in the payer's words: the engine's refusal.</summary>
    private static string ReasonOf(PlatformPayment payment)
    {
        var why = Enum.TryParse<CommandResult>(payment.Refusal, out var refusal) ? CommandResultTexts.Of(refusal).Zh : "未能发放";
        var reason = $"付款所购未能发放，全额退款：{why}";
        return reason.Length <= ReasonLengthMax ? reason : reason[..ReasonLengthMax];
    }
}
