namespace ValuePool.Core.Ledger;

/// <summary>
/// The double-entry ledger's balances (signed minor units) and the transfers of the current
/// transaction. Every change of money or points goes through <see cref="Post"/>, which refuses a
/// transfer that mixes assets or would overdraw an account that may not owe: such a transfer is
/// an engine bug, never a user error, so it throws.
/// </summary>
public sealed class Balances
{
    private readonly long[] _system = new long[Enum.GetValues<AccountKind>().Length + 1];
    private long[] _memberCash = new long[16];
    private long[] _memberPoints = new long[16];
    private long[] _memberShoppingPoints = new long[16];
    private long[] _store = new long[4];
    private readonly List<Transfer> _transaction = new();

    /// <summary>The transfers posted since the last <see cref="BeginTransaction"/>.</summary>
    public IReadOnlyList<Transfer> CurrentTransaction => _transaction;

    public void BeginTransaction() => _transaction.Clear();

    public long this[Account account] => account.Kind switch
    {
        AccountKind.MemberCash => At(_memberCash, account.Owner),
        AccountKind.MemberPoints => At(_memberPoints, account.Owner),
        AccountKind.MemberShoppingPoints => At(_memberShoppingPoints, account.Owner),
        AccountKind.StoreReceivable => At(_store, account.Owner),
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

    /// <summary>Sum of every account of one asset: zero, always (the conservation law).</summary>
    public long Total(Asset asset)
    {
        long total = 0;
        foreach (var kind in Enum.GetValues<AccountKind>())
            if (new Account(kind).Asset == asset) total += SumOfKind(kind);
        return total;
    }

    private long SumOfKind(AccountKind kind) => kind switch
    {
        AccountKind.MemberCash => _memberCash.Sum(),
        AccountKind.MemberPoints => _memberPoints.Sum(),
        AccountKind.MemberShoppingPoints => _memberShoppingPoints.Sum(),
        AccountKind.StoreReceivable => _store.Sum(),
        _ => _system[(int)kind],
    };

    private ref long Slot(Account account)
    {
        switch (account.Kind)
        {
            case AccountKind.MemberCash: return ref Grown(ref _memberCash, account.Owner)[account.Owner];
            case AccountKind.MemberPoints: return ref Grown(ref _memberPoints, account.Owner)[account.Owner];
            case AccountKind.MemberShoppingPoints: return ref Grown(ref _memberShoppingPoints, account.Owner)[account.Owner];
            case AccountKind.StoreReceivable: return ref Grown(ref _store, account.Owner)[account.Owner];
            default: return ref _system[(int)account.Kind];
        }
    }

    private static long At(long[] balances, int owner) => owner < balances.Length ? balances[owner] : 0;

    private static long[] Grown(ref long[] balances, int owner)
    {
        if (owner >= balances.Length) Array.Resize(ref balances, Math.Max(owner + 1, balances.Length * 2));
        return balances;
    }
}
