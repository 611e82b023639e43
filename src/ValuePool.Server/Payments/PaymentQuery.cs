namespace ValuePool.Server.Payments;

/// <summary>The provider's verified answer on a payment: <paramref name="Paid"/> is set only when it succeeded.</summary>
public sealed record PaymentQuery(PaymentQueryState State, PaymentNotice? Paid, string? Detail = null);

public enum PaymentQueryState
{
    /// <summary>Created and waiting for the payer.</summary>
    NotPaid,
    Paid,
    /// <summary>Closed, revoked or refunded in full: it will not be paid.</summary>
    Closed,
    /// <summary>The provider did not answer, or its answer did not verify.</summary>
    Unknown,
}
