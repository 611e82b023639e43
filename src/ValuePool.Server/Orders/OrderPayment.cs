using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Server.Data;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Orders;

/// <summary>
/// Paying an order made in two steps (issue 10, finding 10): one payment intent per order. The request whose insert creates
/// the intent (<see cref="PaymentIntents.TryCreateAsync"/>, decided by the table's primary key) is the only one that asks the
/// provider to charge; every other request, concurrent or later, from this process or another, answers that same intent.
/// So the payer is charged at most once however often pay is pressed, and the order's one payment id names it throughout.
/// With a real provider the charge is answered by what the payer does next; a later pay asks the provider (a signed query)
/// whether the payer paid, which, like a verified notification, is the only thing that marks the order paid.
/// </summary>
public sealed class OrderPayment(PaymentIntents intents, OrderStore orders, IPaymentProvider provider, PaymentCallbacks callbacks, TimeProvider time)
{
    public enum Step
    {
        /// <summary>This request created the intent and the provider charged it.</summary>
        Charged,
        /// <summary>The provider waits for the payer (<see cref="Attempt.Action"/>): scan, open the app or the page.</summary>
        AwaitingPayer,
        /// <summary>The intent existed and its charge is answered: the same answer again.</summary>
        Answered,
        /// <summary>The intent existed and its charge is not answered yet (the charging request is still waiting for the provider).</summary>
        Pending,
        /// <summary>The provider refused the charge or did not answer (<see cref="Attempt.Outcome"/>); paying again asks it again.</summary>
        ProviderFailed,
        /// <summary>No intent, and the order is not waiting for payment (paid in one step, or refunded).</summary>
        NotPayable,
    }

    /// <summary><paramref name="Outcome"/> is the callback's for <see cref="Step.Charged"/>, else <c>Duplicate</c>, <c>Pending</c> or the provider's failure.</summary>
    public sealed record Attempt(Step Step, OrderRecord Order, string Outcome, SignedCallback? Callback, PayerAction? Action = null);

    /// <summary>How the payer pays: the channel, the payer's id in the provider's app (JSAPI), the payer's address (H5).</summary>
    public sealed record Payer(PayChannel Channel, string? AppUserId, string? Ip);

    public async Task<Attempt> PayAsync(OrderRecord order, Payer payer)
    {
        var intent = new PaymentIntent
        {
            OrderId = order.Id, PaymentId = order.PaymentId, Provider = provider.Name, AmountFen = order.AmountFen, CreatedMs = UnixTime.Ms(time.GetUtcNow()),
        };
        if (order.Status == OrderStatus.Created && await intents.TryCreateAsync(intent)) return await ChargeAsync(order, payer);
        if (await intents.FindAsync(order.Id) is not { } existing) return new Attempt(Step.NotPayable, order, nameof(Step.NotPayable), null);
        if (existing.Callback is { } answer)
            return new Attempt(Step.Answered, (await orders.FindAsync(order.Id))!, nameof(CallbackOutcome.Duplicate), answer);
        if (provider.ConfirmsWhilePayerWaits) return new Attempt(Step.Pending, (await orders.FindAsync(order.Id))!, nameof(Step.Pending), null);

        var current = (await orders.FindAsync(order.Id))!;
        if (current.Status != OrderStatus.Created) return new Attempt(Step.Answered, current, nameof(CallbackOutcome.Duplicate), null, existing.Action);
        var query = await provider.QueryAsync(order.PaymentId, order.Id);
        if (query.Paid is { } paid)
        {
            var outcome = await callbacks.ApplyAsync(paid);
            return new Attempt(Step.Charged, (await orders.FindAsync(order.Id))!, outcome.ToString(), null, existing.Action);
        }
        // Not paid yet: the same action again, or (the first charge failed) the charge asked again under the same merchant order number.
        return existing.Action is { } action ? new Attempt(Step.AwaitingPayer, current, query.State.ToString(), null, action) : await ChargeAsync(current, payer);
    }

    private async Task<Attempt> ChargeAsync(OrderRecord order, Payer payer)
    {
        var request = new ChargeRequest(order.PaymentId, order.Id, new Money(order.AmountFen), $"ValuePool {order.Id}", payer.Channel, payer.AppUserId, payer.Ip);
        var started = await provider.StartAsync(request);
        if (started.Callback is { } callback)
        {
            await intents.RecordCallbackAsync(order.Id, callback);
            var outcome = await callbacks.HandleAsync(provider, SimulatedPaymentProvider.Delivered(callback));
            return new Attempt(Step.Charged, (await orders.FindAsync(order.Id))!, outcome.ToString(), callback);
        }
        if (started.Action is { } action)
        {
            await intents.RecordActionAsync(order.Id, JsonSerializer.Serialize(action, JsonSerializerOptions.Web));
            return new Attempt(Step.AwaitingPayer, order, nameof(PaymentQueryState.NotPaid), null, action);
        }
        return new Attempt(Step.ProviderFailed, order, started.Failure ?? "failed", null);
    }
}
