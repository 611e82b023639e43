using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>A payment confirmed while the payer waits is trusted only as a verified notice for exactly that payment, as a callback would be.</summary>
public static class VerifiedConfirmation
{
    /// <summary>The provider's confirmation of the payment; throws when it does not verify (a provider's fault, not the payer's).</summary>
    public static SignedCallback ConfirmVerified(this IPaymentProvider provider, string paymentId, string orderId, Money amount)
    {
        var confirmation = provider.Confirm(paymentId, orderId, amount);
        var notice = provider.Verify(SimulatedPaymentProvider.Delivered(confirmation), out var failure) as PaymentNotice;
        if (notice is null || notice.PaymentId != paymentId || notice.OrderId != orderId || notice.Amount != amount)
            throw new InvalidOperationException($"the {provider.Name} provider's confirmation of {paymentId} does not verify: {failure}");
        return confirmation;
    }
}
