using ValuePool.Server.Data;
using ValuePool.Server.Health;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Payments;

/// <summary>
/// Handles a provider's notification: verify it, apply its notice once (an order's, or a platform payment's grant), complete in-store
/// orders at once, finish refunds.
/// A notification delivered twice, out of order, badly signed, stale, for another merchant or amount changes nothing and is logged.
/// </summary>
public sealed class PaymentCallbacks(OrderStore orders, OrderCompletion completion, OrderRefunds refunds, PlatformPaymentNotices platformPayments,
    TimeProvider time, ServerMetrics metrics, ILogger<PaymentCallbacks> log)
{
    public async Task<CallbackOutcome> HandleAsync(IPaymentProvider provider, ProviderCallback callback)
    {
        var notice = provider.Verify(callback, out var failure);
        switch (notice)
        {
            case PaymentNotice payment: return await ApplyAsync(payment);
            case RefundNotice refund:
                var outcome = await refunds.FinishAsync(refund);
                metrics.Callback(outcome);
                if (outcome != CallbackOutcome.Applied) log.LogInformation("Refund notice {Event} for {Refund} ignored: {Outcome}", refund.EventId, refund.RefundId, outcome);
                return outcome;
            default:
                log.LogWarning("Payment callback from {Provider} refused: {Outcome}", provider.Name, failure);
                await orders.LogCallbackAsync(null, null, failure, UnixTime.Ms(time.GetUtcNow()));
                metrics.Callback(failure);
                return failure;
        }
    }

    /// <summary>Applies a payment the provider vouched for (a verified notification or the answer to a query).</summary>
    /// <remarks>A platform payment's notice (its order id starts <c>pp_</c>) grants what it paid for; any other is an order's.</remarks>
    public async Task<CallbackOutcome> ApplyAsync(PaymentNotice notice)
    {
        if (PlatformPaymentNotices.IsFor(notice))
        {
            var granted = await platformPayments.ApplyAsync(notice);
            metrics.Callback(granted);
            if (granted != CallbackOutcome.Applied)
                log.LogInformation("Payment callback {Event} for platform payment {Payment} ignored: {Outcome}", notice.EventId, notice.OrderId, granted);
            return granted;
        }
        var (outcome, order) = await orders.ApplyPaymentAsync(notice, UnixTime.Ms(time.GetUtcNow()), completion.AfterSalesMs);
        metrics.Callback(outcome);
        if (outcome != CallbackOutcome.Applied)
            log.LogInformation("Payment callback {Event} for order {Order} ignored: {Outcome}", notice.EventId, notice.OrderId, outcome);
        else if (order!.Status == OrderStatus.Completing)
            await completion.CompleteAsync(order);
        return outcome;
    }
}
