using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Http;
using ValuePool.Server.Payments;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Orders;

/// <summary>
/// A purchase whose cash is collected through the provider and recorded as a completed order (a membership card, a platform product
/// bought with shopping points). A provider that confirms while the payer waits (the simulated one) is paid in one step
/// (<see cref="ImmediatePayment"/>); a real one in two, as a platform payment (<see cref="PlatformPayments"/>): the command waits in
/// its row until the provider vouches for the money, and the grant writes the order. Either way a retry under the same key is the
/// same purchase.
/// </summary>
public sealed class PaidPurchase(IPaymentProvider provider, ImmediatePayment immediate, PlatformPayments payments)
{
    /// <summary>
    /// <paramref name="Problem"/>: refused (nothing granted; a refusal after collection names the payment due back).
    /// <paramref name="Started"/>: a real provider's payment awaits the payer (202). Otherwise the purchase is granted;
    /// <paramref name="Replayed"/> when an earlier request under the key granted it.
    /// </summary>
    public sealed record Outcome(ProblemHttpResult? Problem, Accepted<PlatformPaymentStateResponse>? Started, bool Replayed);

    /// <summary>Whether the money is collected in two steps, so checks against the engine now are only a forecast of the grant's.</summary>
    public bool AwaitsProvider => !provider.ConfirmsWhilePayerWaits;

    /// <summary>A retry of a two-step purchase (its first attempt made the payment): the checks its first attempt passed are not asked again.</summary>
    public async Task<bool> IsRetryAsync(string? scopedIdempotencyKey) =>
        AwaitsProvider && scopedIdempotencyKey is not null && await payments.FindRetryAsync(scopedIdempotencyKey) is not null;

    /// <summary>
    /// Collects <paramref name="cash"/> from <paramref name="memberId"/> for <paramref name="command"/> (stamped with the grant's time),
    /// recorded as a completed order of <paramref name="storeId"/> or <paramref name="productId"/>.
    /// </summary>
    public async Task<Outcome> PayAsync(string? scopedIdempotencyKey, string memberId, PaymentPurpose purpose, string? storeId, string? productId, Money cash,
        Func<DateTimeOffset, Command> command, OrderPayment.Payer payer)
    {
        if (!AwaitsProvider)
        {
            var paid = await immediate.PayForAsync(scopedIdempotencyKey, memberId, storeId, productId, cash, command);
            return new Outcome(ApiProblem.ForReceipt(paid.Receipt), null, paid.Receipt.Status == SubmitStatus.Duplicate);
        }
        var started = await payments.PayThenApplyAsync(scopedIdempotencyKey, memberId, purpose, (storeId ?? productId)!, cash, command, payer);
        // Granted here only for a retry that found its payment applied (a first attempt either starts it or is refused).
        return new Outcome(PlatformPaymentsApi.ForOutcome(started), PlatformPaymentsApi.ForStarted(started), Replayed: true);
    }
}
