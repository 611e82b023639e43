namespace ValuePool.Server.Payments;

/// <summary>What a payment to the platform buys: a command the engine applies only once the payment is confirmed.</summary>
public enum PaymentPurpose
{
    /// <summary>An agent's region fee (<c>AppointAgent</c>).</summary>
    AgentRegion,
    /// <summary>An investor's purchase of store shares (<c>AddShareholder</c>, collected).</summary>
    ShareInvestment,
    /// <summary>A merchant's prepaid deposit (<c>TopUpDeposit</c>).</summary>
    DepositTopUp,
    /// <summary>A membership card's price (<c>BuyCard</c>), recorded as a completed order of the card's store.</summary>
    CardPurchase,
    /// <summary>The cash part of a platform product bought with shopping points (<c>BuyWithShoppingPoints</c>), recorded as a completed order of the product.</summary>
    ShoppingPurchase,
}

/// <summary>
/// <c>awaitingPayment</c>: a real provider's transaction is started and nothing is granted until its verified notification
/// (or its signed answer to a query) says the payer paid. <c>applied</c>: the engine applied what was paid for.
/// <c>refundDue</c>: the provider collected the money but the engine refused the command (the region was taken
/// meanwhile, the shopping points were spent…): nothing was granted and the payer is owed the amount back.
/// </summary>
public static class PlatformPaymentStatus
{
    public const string AwaitingPayment = "awaitingPayment";
    public const string Applied = "applied";
    public const string RefundDue = "refundDue";
    /// <summary>Finance asked the provider to return a <c>refundDue</c> payment; its answer or refund notification ends it.</summary>
    public const string Refunding = "refunding";
    /// <summary>The provider returned the money (a refused refund turns the payment <c>refundDue</c> again).</summary>
    public const string Refunded = "refunded";
}

/// <summary>A row of <c>platform_payment</c>: money collected through the provider for something other than an order.</summary>
public sealed record PlatformPayment
{
    public string Id { get; init; } = "";
    public string PayerId { get; init; } = "";
    public string Purpose { get; init; } = "";
    /// <summary>
    /// What was bought: the region (<c>district:Guangdong/Shenzhen/Nanshan</c>), the store's id (shares, deposit, a card of the store)
    /// or the platform product's id.
    /// </summary>
    public string Subject { get; init; } = "";
    public long AmountFen { get; init; }
    public string PaymentId { get; init; } = "";
    public string Status { get; init; } = "";
    /// <summary>The engine's refusal (a <c>CommandResult</c> name) when <see cref="Status"/> is <c>refundDue</c>.</summary>
    public string? Refusal { get; init; }
    public long CreatedMs { get; init; }
    /// <summary>
    /// While <c>awaitingPayment</c>: the command the payment buys, as the journal encodes it (base64), submitted once the
    /// provider vouches for the payment. Never shown to the payer.
    /// </summary>
    public string? GrantCommand { get; init; }
}
