namespace ValuePool.Server.Orders;

/// <summary>MODEL.md §7: created → paid → completed | refunded. <c>completing</c> = paid and handed to the ledger.</summary>
public static class OrderStatus
{
    public const string Created = "created";
    public const string Paid = "paid";
    public const string Completing = "completing";
    public const string Completed = "completed";
    public const string Refunded = "refunded";
}

/// <summary>A row of <c>customer_order</c>. No store = a platform product (自营).</summary>
public sealed class OrderRecord
{
    public string Id { get; init; } = "";
    public string MemberId { get; init; } = "";
    public string? StoreId { get; init; }
    public string? ProductId { get; init; }
    public long AmountFen { get; init; }
    public long Shipped { get; init; }
    public string Status { get; init; } = "";
    public string PaymentId { get; init; } = "";
    public long CreatedMs { get; init; }
    public long? PaidMs { get; init; }
    public long? CompleteDueMs { get; init; }
    public long? CompletedMs { get; init; }
    public long? RefundedMs { get; init; }
    /// <summary>What was refunded through the provider before completion; the rest is what completion moves.</summary>
    public long RefundedFen { get; init; }

    public long KeptFen => AmountFen - RefundedFen;

    public bool IsShipped => Shipped != 0;
}
