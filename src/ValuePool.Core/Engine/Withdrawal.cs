using ValuePool.Core.Amounts;

namespace ValuePool.Core.Engine;

public enum WithdrawalStatus
{
    Pending,
    Paid,
    Rejected,
}

/// <summary>A request to withdraw wallet cash, and what became of it.</summary>
public sealed record Withdrawal(string Id, string Member, Money Amount, WithdrawalStatus Status, Money Fee, DateTimeOffset RequestedAt);
