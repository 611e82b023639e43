namespace ValuePool.Server.Payments.Reconciliation;

public static class ReconciliationStatus
{
    /// <summary>Every line of the bill matched a payment or refund of ours, and the reverse.</summary>
    public const string Matched = "matched";
    /// <summary>At least one difference, each listed for finance.</summary>
    public const string Differences = "differences";
    /// <summary>No bill (not ready yet, unreachable, a hash that did not match): tried again later.</summary>
    public const string Unavailable = "unavailable";
}

public static class DifferenceKind
{
    /// <summary>We recorded it, the provider's bill does not have it.</summary>
    public const string MissingFromBill = "missingFromBill";
    /// <summary>The provider's bill has it, we did not record it (a notification that never arrived, a payment of another system).</summary>
    public const string MissingHere = "missingHere";
    public const string AmountDiffers = "amountDiffers";
}

/// <summary>A row of <c>reconciliation_run</c>: one provider's bill of one day (China Standard Time), matched against the platform's records.</summary>
public sealed record ReconciliationRun
{
    public string Day { get; init; } = "";
    public string Provider { get; init; } = "";
    public string Status { get; init; } = "";
    public long BillLines { get; init; }
    public long Matched { get; init; }
    public string? Failure { get; init; }
    public long RunMs { get; init; }
}

/// <summary>
/// A row of <c>reconciliation_difference</c>: <see cref="Subject"/> <c>payment</c> (by its merchant order number) or
/// <c>refund</c> (by its merchant refund number); the amounts in fen, null on the side that lacks it.
/// </summary>
public sealed record ReconciliationDifference
{
    public string Day { get; init; } = "";
    public string Provider { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Kind { get; init; } = "";
    public long? OursFen { get; init; }
    public long? TheirsFen { get; init; }
}
