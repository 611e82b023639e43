using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>
/// A payment provider: it charges the payer and later calls back. The server trusts a callback only
/// when <see cref="Verify"/> accepts its signature; a real provider (WeChat Pay, Alipay) plugs in here.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>The notice in a callback, or null (with the reason) when the signature or body is bad.</summary>
    PaymentNotice? Verify(string body, string? signature, out CallbackOutcome failure);
}
