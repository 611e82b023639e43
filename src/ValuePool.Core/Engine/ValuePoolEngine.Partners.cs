using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Store partners (门店合伙人, MODEL.md §5): qualification, the partner dividend pool, referral rewards.</summary>
public sealed partial class ValuePoolEngine
{
    private readonly Dictionary<int, List<int>> _partnerStoresOfMember = new();

    private CommandResult Apply(AddPartner command)
    {
        if (!IsValidId(command.Member) || !IsValidId(command.Store)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var store)) return CommandResult.UnknownStore;
        AddPartnerTo(store, _members.GetOrAdd(command.Member));
        return CommandResult.Ok;
    }

    private void AddPartnerTo(int store, int member)
    {
        if (!_stores[store].PartnerSet.Contains(member))
        {
            _stores[store].AddPartner(member);
            if (!_partnerStoresOfMember.TryGetValue(member, out var stores)) _partnerStoresOfMember.Add(member, stores = new List<int>());
            stores.Add(store);
        }
    }

    /// <summary>Each store where the referrer is a partner pays its reward for a new member, from its balance (MODEL.md §8).</summary>
    private void PayPartnerReferralRewards(int referrer)
    {
        if (!_partnerStoresOfMember.TryGetValue(referrer, out var stores)) return;
        foreach (var store in stores) PayFromStore(store, referrer, _stores[store].Terms.PartnerReferralReward, TransferKind.PartnerReferralReward);
    }

    /// <summary>
    /// Pays <c>floor2(15% · N)</c> of the store's net revenue N over the inclusive period to its partners,
    /// equally or by their spend in the period, each part rounded down; the store keeps the remainder.
    /// </summary>
    private CommandResult Apply(SettlePartners command)
    {
        if (!IsValidId(command.Store)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var storeIndex)) return CommandResult.UnknownStore;
        if (command.From > command.To) return CommandResult.InvalidPeriod;
        var store = _stores[storeIndex];
        if (store.SettledPartnerPeriods.Contains((command.From, command.To))) return CommandResult.Ok;
        if (store.SettledPartnerPeriods.Any(p => p.From <= command.To && command.From <= p.To)) return CommandResult.PeriodOverlaps;
        store.SettledPartnerPeriods.Add((command.From, command.To));

        var netFen = store.Days.Where(d => d.Key >= command.From && d.Key <= command.To).Sum(d => d.Value.NetFen);
        var pool = new Money(netFen).Share(Config.PartnerPoolShare);
        var weights = PartnerWeights(store, command.From, command.To);
        var totalWeight = weights.Sum();
        for (var i = 0; i < store.Partners.Count; i++)
        {
            var dividend = new Money((long)((Int128)pool.Fen * weights[i] / totalWeight));
            PayFromStore(storeIndex, store.Partners[i], dividend, TransferKind.PartnerDividend);
        }
        return CommandResult.Ok;
    }

    /// <summary>Each partner's spend in the period when weighted and anyone spent; otherwise equal weights.</summary>
    private static long[] PartnerWeights(Store store, DateOnly from, DateOnly to)
    {
        var weights = new long[store.Partners.Count];
        if (store.Terms.PartnerSplit == PartnerSplit.Weighted)
        {
            // Over the days that had sales, not every day of the period: a period may be as long as the calendar.
            var spentInPeriod = new Dictionary<int, long>();
            foreach (var ((member, day), spentFen) in store.SpendByMemberDayFen)
                if (day >= from && day <= to) spentInPeriod[member] = spentInPeriod.GetValueOrDefault(member) + spentFen;
            for (var i = 0; i < weights.Length; i++) weights[i] = spentInPeriod.GetValueOrDefault(store.Partners[i]);
        }
        if (weights.Sum() == 0) Array.Fill(weights, 1);
        return weights;
    }
}
