using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Http;

namespace ValuePool.Server.Payments;

/// <summary>
/// Payments confirmed while the payer waits (membership cards, platform products bought with points) need a provider that
/// confirms at once. A real provider confirms only by a later notification, so under one these requests are refused before
/// anything is charged (docs/PAYMENTS.md); in-store payments, orders and the platform payments (agent fees, share investments,
/// deposit top-ups: <see cref="PlatformPayments"/>) are paid in two steps instead.
/// </summary>
public static class OneStepPayment
{
    public static ProblemHttpResult? Unavailable(IPaymentProvider provider) => provider.ConfirmsWhilePayerWaits
        ? null
        : ApiProblem.Conflict("PaymentNeedsNotification", new($"当前支付机构（{provider.Name}）只能通过支付通知确认付款，此类付款暂不支持",
            $"the payment provider ({provider.Name}) confirms payments only by notification, which this kind of payment does not support yet"));
}
