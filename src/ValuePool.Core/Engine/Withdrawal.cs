using ValuePool.Core.Amounts;

namespace ValuePool.Core.Engine;

public enum WithdrawalStatus
{
    Pending,
    Paid,
    Rejected,
    /// <summary>Approved, but the provider's transfer failed: the whole amount went back (<see cref="ReturnFailedPayout"/>).</summary>
    Returned,
}

/// <summary>
/// A request to withdraw wallet cash, or a store's balance, and what became of it. <see cref="Member"/> asked for it
/// (for a store payout, its merchant): nobody else may be its reviewer's own account.
/// </summary>
public sealed record Withdrawal(string Id, string Member, Money Amount, WithdrawalStatus Status, Money Fee, DateTimeOffset RequestedAt)
{
    /// <summary>The store whose balance is paid out; null for a member's wallet cash.</summary>
    public string? Store { get; init; }
}
