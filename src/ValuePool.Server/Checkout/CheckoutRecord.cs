namespace ValuePool.Server.Checkout;

/// <summary>A row of <c>store_checkout</c>: what was asked at the till and what the engine charged.</summary>
public sealed class CheckoutRecord
{
    public string IdempotencyKey { get; init; } = "";
    public string StoreId { get; init; } = "";
    public string MemberId { get; init; } = "";
    public long AmountFen { get; init; }
    public string Benefit { get; init; } = "";
    public long ChargedFen { get; init; }
    public long CreatedMs { get; init; }
}
