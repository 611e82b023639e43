namespace ValuePool.Server.Withdrawals;

public static class PayoutStatus
{
    /// <summary>The payee's account is on file; the withdrawal waits for review.</summary>
    public const string Awaiting = "awaiting";
    /// <summary>Asked of the provider; its answer to a query ends it.</summary>
    public const string Transferring = "transferring";
    public const string Transferred = "transferred";
    /// <summary>The provider's transfer failed: the whole amount went back to the wallet or the store's balance.</summary>
    public const string Failed = "failed";
    /// <summary>Finance paid it outside the provider and recorded the bank's reference.</summary>
    public const string PaidByHand = "paidByHand";
}

/// <summary>A row of <c>payout</c>: how an approved withdrawal (a member's cash or a store's balance) reaches its payee.</summary>
public sealed record Payout
{
    public string WithdrawalId { get; init; } = "";
    /// <summary>The payee's WeChat openid or Alipay logon id, given with the request; null when paid by hand only.</summary>
    public string? PayeeAccount { get; init; }
    public string? PayeeName { get; init; }
    public string? Provider { get; init; }
    public string? TransferId { get; init; }
    public string Status { get; init; } = "";
    public string? Failure { get; init; }
    public string? BankReference { get; init; }
    /// <summary>The finance user who recorded a payment by hand.</summary>
    public string? PaidBy { get; init; }
    public long CreatedMs { get; init; }
    public long? FinishedMs { get; init; }
}
