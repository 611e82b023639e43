using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>
/// A payment provider: it charges the payer and calls back. The server trusts a callback only when <see cref="Verify"/>
/// accepts its signature; a real provider (WeChat Pay, Alipay) plugs in here. A payment id names one payment: the server
/// asks for each at most once (<see cref="Orders.OrderPayment"/>), as a real provider's merchant order number requires.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Asks the provider to charge <paramref name="amount"/> for an order paid in two steps; its answer is the callback it sends.</summary>
    SignedCallback Charge(string paymentId, string orderId, Money amount);

    /// <summary>
    /// A payment confirmed while the payer waits (an in-store QR payment, a fee): confirming the same payment again yields the
    /// same signed confirmation, so a retry is the same payment.
    /// </summary>
    SignedCallback Confirm(string paymentId, string orderId, Money amount);

    /// <summary>The notice in a callback, or null (with the reason) when the signature or body is bad.</summary>
    PaymentNotice? Verify(string body, string? signature, out CallbackOutcome failure);
}
