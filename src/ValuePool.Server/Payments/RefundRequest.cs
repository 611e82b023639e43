using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>A refund of <paramref name="Refund"/> of a payment of <paramref name="Total"/>; <paramref name="RefundId"/> is the merchant refund number.</summary>
public sealed record RefundRequest(string RefundId, string PaymentId, Money Refund, Money Total, string Reason);

/// <summary>The provider's answer to a refund request.</summary>
public sealed record RefundStart(RefundProgress Progress, string? Failure = null);

public enum RefundProgress
{
    /// <summary>The money is back with the payer.</summary>
    Succeeded,
    /// <summary>Accepted; its notification (or a query) says how it ended.</summary>
    Processing,
    /// <summary>Refused or not answered: nothing was refunded and the order is as it was.</summary>
    Failed,
}
