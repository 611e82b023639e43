namespace ValuePool.Server.Payments;

/// <summary>
/// A row of <c>payment_intent</c>: the one charge asked of the provider for an order paid in two steps. Its primary key
/// is the order's id, so an order has at most one. The provider's answer (its signed callback) is kept once it arrives,
/// so every later pay of the order answers it again instead of charging again.
/// </summary>
public sealed class PaymentIntent
{
    public string OrderId { get; init; } = "";
    public string PaymentId { get; init; } = "";
    public string Provider { get; init; } = "";
    public long AmountFen { get; init; }
    public long CreatedMs { get; init; }
    public string? CallbackBody { get; init; }
    public string? CallbackSignature { get; init; }
    /// <summary>A real provider's answer: what the payer does next (<see cref="PayerAction"/> as JSON).</summary>
    public string? PayerAction { get; init; }

    public PayerAction? Action => PayerAction is { } json ? System.Text.Json.JsonSerializer.Deserialize<PayerAction>(json, System.Text.Json.JsonSerializerOptions.Web) : null;

    /// <summary>The provider's answer, or null while the charge that created the intent has not been answered.</summary>
    public SignedCallback? Callback => CallbackBody is { } body && CallbackSignature is { } signature ? new SignedCallback(body, signature) : null;
}
