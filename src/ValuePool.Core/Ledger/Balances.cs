using ValuePool.Core.Engine;

namespace ValuePool.Core.Ledger;

/// <summary>
/// The double-entry ledger's balances (signed minor units) and the transfers of the current
/// transaction. Every change of money or points goes through <see cref="Post"/>, which refuses a
/// transfer that mixes assets or would overdraw an account that may not owe: such a transfer is
/// an engine bug, never a user error, so it throws. Member balances are stored in the member's
/// own record (<see cref="MemberBook"/>), so an order touches each member once.
/// </summary>
public sealed class Balances
{
    private readonly MemberBook _members;
    private readonly long[] _system = new long[Enum.GetValues<AccountKind>().Length + 1];
    private long[] _store = new long[4];
    private readonly List<Transfer> _transaction = new();

    internal Balances(MemberBook members) => _members = members;

    /// <summary>The transfers posted since the last <see cref="BeginTransaction"/>.</summary>
    public IReadOnlyList<Transfer> CurrentTransaction => _transaction;

    public void BeginTransaction() => _transaction.Clear();

    public long this[Account account] => account.Kind switch
    {
        AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints => _members.BalanceOf(account.Kind, account.Owner),
        AccountKind.StoreReceivable => account.Owner < _store.Length ? _store[account.Owner] : 0,
        _ => _system[(int)account.Kind],
    };

    public void Post(Account from, Account to, long amount, TransferKind kind)
    {
        if (amount == 0) return;
        if (amount < 0) throw new InvalidOperationException($"negative transfer {amount} {from}→{to}");
        if (from.Asset != to.Asset) throw new InvalidOperationException($"transfer mixes assets: {from}→{to}");
        ref var source = ref Slot(from);
        if (source < amount && !from.MayGoNegative)
            throw new InvalidOperationException($"transfer of {amount} overdraws {from} (balance {source})");
        source -= amount;
        ref var target = ref Slot(to);
        target = checked(target + amount);
        _transaction.Add(new Transfer(from, to, amount, kind));
    }

    /// <summary>Sets a non-member balance as a snapshot recorded it; the caller checks conservation afterwards.</summary>
    internal void Restore(Account account, long balance)
    {
        if (account.Kind is AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints)
            throw new ArgumentException("member balances are restored with their members", nameof(account));
        Slot(account) = balance;
    }

    /// <summary>Every non-member account with a balance, system accounts first, then stores: what a snapshot keeps.</summary>
    internal IEnumerable<(Account Account, long Balance)> NonMemberBalances()
    {
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (kind is not (AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints or AccountKind.StoreReceivable)
                && _system[(int)kind] != 0)
                yield return (new Account(kind), _system[(int)kind]);
        for (var store = 0; store < _store.Length; store++)
            if (_store[store] != 0) yield return (Account.StoreReceivable(store), _store[store]);
    }

    /// <summary>Sum of every account of one asset: zero, always (the conservation law).</summary>
    public long Total(Asset asset)
    {
        long total = 0;
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (new Account(kind).Asset == asset) total += SumOfKind(kind);
        return total;
    }

    private long SumOfKind(AccountKind kind)
    {
        switch (kind)
        {
            case AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints:
                long total = 0;
                for (var member = 0; member < _members.Count; member++) total += _members.BalanceOf(kind, member);
                return total;
            case AccountKind.StoreReceivable:
                return _store.Sum();
            default:
                return _system[(int)kind];
        }
    }

    private ref long Slot(Account account)
    {
        switch (account.Kind)
        {
            case AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints:
                return ref _members.BalanceSlot(account.Kind, account.Owner);
            case AccountKind.StoreReceivable:
                if (account.Owner >= _store.Length) Array.Resize(ref _store, Math.Max(account.Owner + 1, _store.Length * 2));
                return ref _store[account.Owner];
            default:
                return ref _system[(int)account.Kind];
        }
    }
}
