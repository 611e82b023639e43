using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Configuration;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>What a member holds and has done, as the engine sees it now.</summary>
public sealed record MemberView(string Id, Points Points, Money Cash, Money Consumed, int Exits, string? Referrer, ShoppingPoints ShoppingPoints)
{
    /// <summary>Consumption C of the current cycle: the forced exit comes at <c>exitMultiple·C</c>.</summary>
    public Money CycleConsumed { get; init; }
    /// <summary>Gross value R of points sold in the current cycle, which counts towards the exit.</summary>
    public Money CycleRealized { get; init; }
    /// <summary>The forced exit comes when the points' value plus <see cref="CycleRealized"/> reaches this: <c>floor2(exitMultiple·C)</c>.</summary>
    public Money ExitTarget { get; init; }
    /// <summary>How far the cycle is from its forced exit, <c>(H·price + R) / target</c> rounded down, at most 1; 0 without a cycle.</summary>
    public Rate ExitProgress { get; init; }
    /// <summary>With member levels configured (MODEL.md §3b): the level's name ("" below the first); null without levels.</summary>
    public string? Level { get; init; }
    /// <summary>Their own and their downline's completed orders, as the levels count them; zero without levels.</summary>
    public Money TeamSpend { get; init; }
    /// <summary>What the offline-settled modes owe them outside the platform (财务宝), in total.</summary>
    public Money Offline { get; init; }
}

/// <summary>A store's totals: gross consume revenue, its balance with the platform (never negative), and its prepaid deposit.</summary>
public sealed record StoreView(string Id, string Owner, Money Revenue, Money Balance, IReadOnlyList<string> Partners, Rate SharesTotal,
    PartnerPeriod PartnerPeriod)
{
    /// <summary>The prepaid deposit (商家预存让利款) its offline till sales' commission is taken from.</summary>
    public Money Deposit { get; init; }
    /// <summary>What it owes payees because its balance could not cover their payouts; paid first from its next revenue.</summary>
    public Money Owed { get; init; }
}

/// <summary>The member's next shopping points to expire, and the day they are removed.</summary>
public sealed record ShoppingPointsExpiry(ShoppingPoints Points, DateOnly ExpiresOn);

public sealed partial class ValuePoolEngine
{
    public int MemberCount => _members.Count;

    /// <summary>Every member id, in ordinal order (the replay output's order).</summary>
    public IEnumerable<string> MemberIdsOrdinal() => _members.Ids.Order(StringComparer.Ordinal);

    public MemberView? FindMember(string id)
    {
        if (!IsValidId(id) || !_members.TryFind(id, out var index)) return null;
        var state = _members[index];
        var modes = ModesOf(index);
        return new MemberView(id, PointsOf(index), new Money(Ledger[Account.MemberCash(index)]),
            new Money(state.ConsumedFen), state.Exits,
            state.Referrer == Member.NoReferrer ? null : _members.Ids[state.Referrer], ShoppingPointsOf(index))
        {
            CycleConsumed = new Money(state.CycleConsumedFen),
            CycleRealized = new Money(state.CycleRealizedFen),
            ExitTarget = ExitTargetOf(state),
            ExitProgress = ExitProgressOf(state),
            Level = modes?.Level,
            TeamSpend = modes?.TeamSpend ?? Money.Zero,
            Offline = modes?.Offline ?? Money.Zero,
        };
    }

    private Money ExitTargetOf(in Member state) => new Money(state.CycleConsumedFen).Share(Config.ExitMultiple);

    private Rate ExitProgressOf(in Member state)
    {
        var target = ExitTargetOf(state);
        if (target <= Money.Zero) return Rate.Zero;
        var reached = Price.ValueOf(new Points(state.PointsUnits)) + new Money(state.CycleRealizedFen);
        return new Rate((long)Int128.Min(Rate.OneMillion, (Int128)reached.Fen * Rate.OneMillion / target.Fen));
    }

    public IEnumerable<string> StoreIdsOrdinal() => _stores.All.Select(store => store.Id).Order(StringComparer.Ordinal);

    public StoreView? FindStore(string id)
    {
        if (!IsValidId(id) || !_stores.TryFind(id, out var index)) return null;
        var store = _stores[index];
        return new StoreView(id, _members.Ids[store.Owner], store.Revenue, new Money(Ledger[Account.StoreReceivable(index)]),
            store.Partners.Select(p => _members.Ids[p]).ToArray(), store.SharesTotal, store.Terms.PartnerPeriod)
        {
            Deposit = new Money(Ledger[Account.StoreDeposit(index)]),
            Owed = new Money(store.Owed.Sum(debt => debt.Fen)),
        };
    }

    /// <summary>The oldest lot's points and expiry day, or null when nothing expires (no lots, or no expiry configured).</summary>
    public ShoppingPointsExpiry? NextShoppingPointsExpiry(string memberId)
    {
        if (Config.ShoppingPointsExpiryDays == 0 || !IsValidId(memberId) || !_members.TryFind(memberId, out var member)) return null;
        var lots = _shoppingLots.Of(member).ToList();
        if (lots.Count == 0) return null;
        var day = lots[0].Day;
        return new ShoppingPointsExpiry(new ShoppingPoints(lots.TakeWhile(lot => lot.Day == day).Sum(lot => lot.Units)),
            day.AddDays(Config.ShoppingPointsExpiryDays));
    }

    /// <summary>Each store's promised payouts, for the compliance audit.</summary>
    public IEnumerable<StorePromise> StorePromises() => _stores.All.Select(store =>
        new StorePromise(store.Id, store.CapTable.Select(h => new PromisedHolding(h.Share, h.Invested, h.Initiator)).ToArray(),
            PartnerPool: store.Terms.PartnerSpend is not null || store.Partners.Count > 0));

    /// <summary>How many members hold points and so wait in the exit queue.</summary>
    public int MembersAwaitingExit => _exitQueue.Count;
}
