using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>A provider's verified word that a payment succeeded. <see cref="EventId"/> makes each delivery de-duplicable.</summary>
public sealed record PaymentNotice(string EventId, string PaymentId, string OrderId, Money Amount);

/// <summary>What a callback delivery did; every one is logged.</summary>
public enum CallbackOutcome
{
    Applied,
    Duplicate,
    OutOfOrder,
    UnknownOrder,
    AmountMismatch,
    BadSignature,
    Malformed,
}

/// <summary>A callback as the provider sends it: the exact body bytes and their signature.</summary>
public sealed record SignedCallback(string Body, string Signature);
