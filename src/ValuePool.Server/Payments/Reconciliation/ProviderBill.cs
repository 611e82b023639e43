using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments.Reconciliation;

public enum BillLineKind
{
    Payment,
    Refund,
}

/// <summary>
/// One line of a provider's bill: a payment (by its merchant order number) or a refund (by its merchant refund number, and the
/// payment it refunds). <paramref name="ProviderReference"/> is the provider's own number (微信订单号, 支付宝交易号).
/// </summary>
public sealed record BillLine(BillLineKind Kind, string PaymentId, string? RefundId, Money Amount, string ProviderReference);

/// <summary>A day's bill as the provider gave it, or why there is none (<paramref name="Failure"/>: not ready yet, unreachable, its hash did not match…).</summary>
public sealed record ProviderBill(IReadOnlyList<BillLine>? Lines, string? Failure)
{
    public static ProviderBill Unavailable(string failure) => new(null, failure);
}
