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
    /// <summary>Per-store balances, by kind: [0] the store's balance (StoreReceivable), [1] its prepaid deposit.</summary>
    private readonly long[][] _stores = [new long[4], new long[4]];
    private readonly List<Transfer> _transaction = new();

    internal Balances(MemberBook members) => _members = members;

    /// <summary>The transfers posted since the last <see cref="BeginTransaction"/>.</summary>
    public IReadOnlyList<Transfer> CurrentTransaction => _transaction;

    internal void BeginTransaction() => _transaction.Clear();

    public long this[Account account]
    {
        get
        {
            if (account.IsPerMember) return _members.BalanceOf(account.Kind, account.Owner);
            if (!account.IsPerStore) return _system[(int)account.Kind];
            var balances = _stores[StoreSlot(account.Kind)];
            return account.Owner < balances.Length ? balances[account.Owner] : 0;
        }
    }

    internal void Post(Account from, Account to, long amount, TransferKind kind)
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
        if (account.IsPerMember) throw new ArgumentException("member balances are restored with their members", nameof(account));
        Slot(account) = balance;
    }

    /// <summary>Every non-member account with a balance, system accounts first, then stores' of each kind: what a snapshot keeps.</summary>
    internal IEnumerable<(Account Account, long Balance)> NonMemberBalances()
    {
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (!new Account(kind).IsPerMember && !new Account(kind).IsPerStore && _system[(int)kind] != 0)
                yield return (new Account(kind), _system[(int)kind]);
        foreach (var kind in PerStoreKinds)
        {
            var balances = _stores[StoreSlot(kind)];
            for (var store = 0; store < balances.Length; store++)
                if (balances[store] != 0) yield return (new Account(kind, store), balances[store]);
        }
    }

    /// <summary>Sum of every account of one asset: zero, always (the conservation law).</summary>
    public long Total(Asset asset)
    {
        long total = 0;
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (new Account(kind).Asset == asset) total += SumOfKind(kind);
        return total;
    }

    /// <summary>Every account below zero that may not owe: none, ever, unless the engine has a bug (MODEL.md §8).</summary>
    public IEnumerable<(Account Account, long Balance)> Overdrawn()
    {
        foreach (var kind in Enum.GetValues<AccountKind>())
        {
            var account = new Account(kind);
            if (account.MayGoNegative) continue;
            if (account.IsPerMember)
            {
                for (var member = 0; member < _members.Count; member++)
                    if (_members.BalanceOf(kind, member) < 0) yield return (new Account(kind, member), _members.BalanceOf(kind, member));
            }
            else if (account.IsPerStore)
            {
                var balances = _stores[StoreSlot(kind)];
                for (var store = 0; store < balances.Length; store++)
                    if (balances[store] < 0) yield return (new Account(kind, store), balances[store]);
            }
            else if (_system[(int)kind] < 0) yield return (account, _system[(int)kind]);
        }
    }

    /// <summary>The sum of every account of one kind (all members' cash, all stores' deposits, …).</summary>
    public long SumOfKind(AccountKind kind)
    {
        var account = new Account(kind);
        if (account.IsPerStore) return _stores[StoreSlot(kind)].Sum();
        if (!account.IsPerMember) return _system[(int)kind];
        long total = 0;
        for (var member = 0; member < _members.Count; member++) total += _members.BalanceOf(kind, member);
        return total;
    }

    private static readonly AccountKind[] PerStoreKinds = [AccountKind.StoreReceivable, AccountKind.StoreDeposit];

    private static int StoreSlot(AccountKind kind) => kind == AccountKind.StoreReceivable ? 0 : 1;

    private ref long Slot(Account account)
    {
        if (account.IsPerMember) return ref _members.BalanceSlot(account.Kind, account.Owner);
        if (!account.IsPerStore) return ref _system[(int)account.Kind];
        ref var balances = ref _stores[StoreSlot(account.Kind)];
        if (account.Owner >= balances.Length) Array.Resize(ref balances, Math.Max(account.Owner + 1, balances.Length * 2));
        return ref balances[account.Owner];
    }
}
