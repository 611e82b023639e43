using ValuePool.Server.Data;
using ValuePool.Server.Health;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Payments;

/// <summary>
/// Handles a provider's callback: verify the signature, apply the notice once, complete in-store
/// orders at once. A callback delivered twice, out of order or badly signed changes nothing and is logged.
/// </summary>
public sealed class PaymentCallbacks(OrderStore orders, OrderCompletion completion, TimeProvider time, ServerMetrics metrics, ILogger<PaymentCallbacks> log)
{
    public async Task<CallbackOutcome> HandleAsync(IPaymentProvider provider, string body, string? signature)
    {
        var nowMs = UnixTime.Ms(time.GetUtcNow());
        var notice = provider.Verify(body, signature, out var failure);
        if (notice is null)
        {
            log.LogWarning("Payment callback from {Provider} refused: {Outcome}", provider.Name, failure);
            await orders.LogCallbackAsync(null, null, failure, nowMs);
            metrics.Callback(failure);
            return failure;
        }
        var (outcome, order) = await orders.ApplyPaymentAsync(notice, nowMs, completion.AfterSalesMs);
        metrics.Callback(outcome);
        if (outcome != CallbackOutcome.Applied)
            log.LogInformation("Payment callback {Event} for order {Order} ignored: {Outcome}", notice.EventId, notice.OrderId, outcome);
        else if (order!.Status == OrderStatus.Completing)
            await completion.CompleteAsync(order);
        return outcome;
    }
}
