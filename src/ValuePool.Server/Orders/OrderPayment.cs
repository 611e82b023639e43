using ValuePool.Core.Amounts;
using ValuePool.Server.Data;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Orders;

/// <summary>
/// Paying an order made in two steps (issue 10, finding 10): one payment intent per order. The request whose insert creates
/// the intent (<see cref="PaymentIntents.TryCreateAsync"/>, decided by the table's primary key) is the only one that asks the
/// provider to charge; every other request, concurrent or later, from this process or another, answers that same intent.
/// So the payer is charged at most once however often pay is pressed, and the order's one payment id names it throughout.
/// </summary>
public sealed class OrderPayment(PaymentIntents intents, OrderStore orders, IPaymentProvider provider, PaymentCallbacks callbacks, TimeProvider time)
{
    public enum Step
    {
        /// <summary>This request created the intent and the provider charged it.</summary>
        Charged,
        /// <summary>The intent existed and its charge is answered: the same answer again.</summary>
        Answered,
        /// <summary>The intent existed and its charge is not answered yet (the charging request is still waiting for the provider).</summary>
        Pending,
        /// <summary>No intent, and the order is not waiting for payment (paid in one step, or refunded).</summary>
        NotPayable,
    }

    /// <summary><paramref name="Outcome"/> is the callback's for <see cref="Step.Charged"/>, else <c>Duplicate</c> or <c>Pending</c>.</summary>
    public sealed record Attempt(Step Step, OrderRecord Order, string Outcome, SignedCallback? Callback);

    public async Task<Attempt> PayAsync(OrderRecord order)
    {
        var intent = new PaymentIntent
        {
            OrderId = order.Id, PaymentId = order.PaymentId, Provider = provider.Name, AmountFen = order.AmountFen, CreatedMs = UnixTime.Ms(time.GetUtcNow()),
        };
        if (order.Status == OrderStatus.Created && await intents.TryCreateAsync(intent))
        {
            var callback = provider.Charge(order.PaymentId, order.Id, new Money(order.AmountFen));
            await intents.RecordCallbackAsync(order.Id, callback);
            var outcome = await callbacks.HandleAsync(provider, callback.Body, callback.Signature);
            return new Attempt(Step.Charged, (await orders.FindAsync(order.Id))!, outcome.ToString(), callback);
        }
        if (await intents.FindAsync(order.Id) is not { } existing) return new Attempt(Step.NotPayable, order, nameof(Step.NotPayable), null);
        var current = (await orders.FindAsync(order.Id))!;
        return existing.Callback is { } answer
            ? new Attempt(Step.Answered, current, nameof(CallbackOutcome.Duplicate), answer)
            : new Attempt(Step.Pending, current, nameof(Step.Pending), null);
    }
}
