using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>A verified notification's content: a payment or a refund.</summary>
public abstract record ProviderNotice(string EventId);

/// <summary>A provider's verified word that a payment succeeded. <see cref="ProviderNotice.EventId"/> makes each delivery de-duplicable.</summary>
public sealed record PaymentNotice(string EventId, string PaymentId, string OrderId, Money Amount) : ProviderNotice(EventId);

/// <summary>A provider's verified word that a refund finished: <paramref name="Succeeded"/> false = it failed and nothing was returned.</summary>
public sealed record RefundNotice(string EventId, string RefundId, string PaymentId, Money Refund, bool Succeeded) : ProviderNotice(EventId);

/// <summary>What a callback delivery did; every one is logged.</summary>
public enum CallbackOutcome
{
    Applied,
    Duplicate,
    OutOfOrder,
    UnknownOrder,
    AmountMismatch,
    /// <summary>Verified, but for another merchant or app than the one configured (WeChat's mchid/appid, Alipay's app_id/seller_id).</summary>
    WrongMerchant,
    /// <summary>Its signature verified, but its timestamp is too far from now: a replay.</summary>
    Stale,
    BadSignature,
    Malformed,
}

/// <summary>A callback as the simulated provider sends it: the exact body bytes and their signature.</summary>
public sealed record SignedCallback(string Body, string Signature);
