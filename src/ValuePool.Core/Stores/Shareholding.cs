using ValuePool.Core.Amounts;

namespace ValuePool.Core.Stores;

/// <summary>One line of a store's cap table: who, what share, what they paid, and whether they initiated the store.</summary>
public sealed record Shareholding(int Member, Rate Share, Money Invested, bool Initiator);
