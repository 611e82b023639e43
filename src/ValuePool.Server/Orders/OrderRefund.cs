namespace ValuePool.Server.Orders;

public static class OrderRefundStatus
{
    /// <summary>Asked of the provider; its notification (or answer) has not said how it ended.</summary>
    public const string Requested = "requested";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// A row of <c>order_refund</c>: (part of) a paid order's money sent back through the provider before completion (MODEL.md §7), or
/// a platform payment due back (its <see cref="OrderId"/> the payment's <c>pp_</c> id).
/// </summary>
public sealed record OrderRefund
{
    public string Id { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string PaymentId { get; init; } = "";
    public string Provider { get; init; } = "";
    public long AmountFen { get; init; }
    public string Reason { get; init; } = "";
    public string Status { get; init; } = "";
    /// <summary>The provider's error code when <see cref="Status"/> is <c>failed</c>.</summary>
    public string? Failure { get; init; }
    public long CreatedMs { get; init; }
    public long? FinishedMs { get; init; }
}
