using ValuePool.Core.Amounts;

namespace ValuePool.Core.Ledger;

/// <summary>
/// MODEL.md §8's invariant, computed from the ledger alone: the money received from payers, less what was paid out,
/// covers everything owed (the pool, wallet cash, store balances and deposits, withdrawals waiting for review), and
/// no account that holds someone's money is overdrawn. What remains is the platform's own: revenue and self-operated
/// sales. Stores' unpaid payouts are not counted as owed by the platform: they are the stores' debts, paid only
/// from the stores' later revenue, and nobody can withdraw them.
/// </summary>
public sealed record Solvency(Money Received, Money PaidOut, Money Owed, IReadOnlyList<(Account Account, long Balance)> Overdrawn)
{
    private static readonly AccountKind[] OwedKinds =
        [AccountKind.Pool, AccountKind.MemberCash, AccountKind.StoreReceivable, AccountKind.StoreDeposit, AccountKind.PendingWithdrawals];

    /// <summary>What is left to the platform once everything owed is covered; negative = insolvent.</summary>
    public Money Surplus => Received - PaidOut - Owed;

    public bool Holds => Surplus >= Money.Zero && Overdrawn.Count == 0;

    public static Solvency Of(Balances ledger)
    {
        long receivedFen = 0;
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (new Account(kind).IsPayer) receivedFen -= ledger.SumOfKind(kind);
        long owedFen = 0;
        foreach (var kind in OwedKinds) owedFen += ledger.SumOfKind(kind);
        return new Solvency(new Money(receivedFen), new Money(ledger.SumOfKind(AccountKind.WithdrawalsPaid)), new Money(owedFen),
            ledger.Overdrawn().ToList());
    }

    public override string ToString() =>
        $"received {Received} − paid out {PaidOut} − owed {Owed} = {Surplus}" + (Overdrawn.Count == 0 ? "" : $"; overdrawn: {string.Join(", ", Overdrawn)}");
}
