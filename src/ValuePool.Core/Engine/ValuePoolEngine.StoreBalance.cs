using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>
/// A store's balance never goes below zero (MODEL.md §8): what it pays comes from money it received. A payout it cannot
/// cover is owed to the payee, and every credit to the balance pays what is owed first, oldest first.
/// </summary>
public sealed partial class ValuePoolEngine
{
    /// <summary>Credits the store's balance, then pays its debts from it.</summary>
    private void CreditStore(int store, Account from, Money amount, TransferKind kind)
    {
        Ledger.Post(from, Account.StoreReceivable(store), amount.Fen, kind);
        PayOwed(store);
    }

    /// <summary>Pays <paramref name="member"/> from the store's balance; what it cannot cover now waits behind older debts.</summary>
    private void PayFromStore(int store, int member, Money amount, TransferKind kind)
    {
        if (amount <= Money.Zero) return;
        var owed = _stores[store].Owed;
        var paidFen = owed.Count == 0 ? Math.Min(amount.Fen, Ledger[Account.StoreReceivable(store)]) : 0;
        CreditMember(Account.StoreReceivable(store), member, new Money(paidFen), kind);
        if (amount.Fen == paidFen) return;
        owed.Enqueue(new OwedPayout(member, kind, amount.Fen - paidFen));
        Outcome.Add(new PayoutOwed(store, member, kind, new Money(amount.Fen - paidFen)));
    }

    private void PayOwed(int store)
    {
        var owed = _stores[store].Owed;
        var balance = Account.StoreReceivable(store);
        while (owed.TryPeek(out var debt) && Ledger[balance] > 0)
        {
            var paidFen = Math.Min(debt.Fen, Ledger[balance]);
            CreditMember(balance, debt.Member, new Money(paidFen), debt.Kind);
            debt.Fen -= paidFen;
            if (debt.Fen == 0) owed.Dequeue();
        }
    }

    /// <summary>What stores owe the member and have not paid yet (not withdrawable until paid).</summary>
    public Money OwedTo(string memberId)
    {
        if (!IsValidId(memberId) || !_members.TryFind(memberId, out var member)) return Money.Zero;
        long fen = 0;
        foreach (var store in _stores.All)
            foreach (var debt in store.Owed)
                if (debt.Member == member) fen += debt.Fen;
        return new Money(fen);
    }

    private CommandResult Apply(TopUpDeposit command)
    {
        if (!IsValidId(command.Store)) return CommandResult.InvalidId;
        if (AmountProblem(command.Amount) is { } problem) return problem;
        if (!_stores.TryFind(command.Store, out var store)) return CommandResult.UnknownStore;
        Ledger.Post(new Account(AccountKind.MerchantDeposits), Account.StoreDeposit(store), command.Amount.Fen, TransferKind.DepositTopUp);
        Outcome.Add(new DepositToppedUp(store, command.Amount));
        return CommandResult.Ok;
    }
}
