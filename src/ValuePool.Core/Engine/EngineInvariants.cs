using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// The invariants cheap enough to check after every command, in Release too: the price never falls, and the
/// platform's own money (revenue and self-operated sales) is never negative. With every other internal account
/// unable to go negative (<see cref="Balances.Post"/> refuses an overdraft) and every transfer moving an amount
/// from one account to another (so each transaction balances by construction), the second is MODEL.md §8's
/// solvency: received − paid out − owed is exactly that money. <see cref="Solvency"/> recomputes it all, at a cost.
/// </summary>
public static class EngineInvariants
{
    /// <summary>Why the engine is unsound after a command that started at <paramref name="priceBefore"/>; null when it is sound.</summary>
    public static string? Problem(ValuePoolEngine engine, PointPrice priceBefore)
    {
        if (engine.Price < priceBefore) return $"the price fell from {priceBefore} to {engine.Price}";
        if (engine.PlatformRevenue < Money.Zero) return $"platform revenue is negative ({engine.PlatformRevenue}): money was paid that nobody paid in";
        var selfOperated = engine.Ledger[new Account(AccountKind.SelfOperatedSales)];
        if (selfOperated < 0) return $"self-operated sales are negative ({new Money(selfOperated)})";
        return null;
    }
}
