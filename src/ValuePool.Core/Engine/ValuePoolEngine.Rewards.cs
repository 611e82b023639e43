using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// Pays an order's distribution rewards in MODEL.md §3's order (referral levels, recruiter,
    /// district, city, province, then the modes of §3b), each cut to what is left of the budget, from <paramref name="payer"/> (where the
    /// order's commission is). Returns what was paid;
    /// the caller gives the rest of the budget to the platform.
    /// </summary>
    private Money PayRewards(EngineConfig rates, Account payer, int buyer, int store, Money amount, DateTimeOffset at)
    {
        var budget = amount.Share(rates.DistributionBudget);
        var left = budget;
        void Pay(int member, Rate rate, TransferKind kind)
        {
            var reward = Money.Min(amount.Share(rate), left);
            CreditMember(payer, member, reward, kind);
            left -= reward;
        }

        var upline = ActiveReferrer(buyer, at);
        var levels = rates.ReferralLevels;
        for (var level = 0; level < levels.Count && upline != Member.NoReferrer; level++)
        {
            Pay(upline, levels[level], TransferKind.ReferralReward);
            upline = ActiveReferrer(upline, at);
        }
        if (store >= 0)
        {
            var shop = _stores[store];
            if (shop.Recruiter != Store.NoRecruiter) Pay(shop.Recruiter, rates.RecruiterReward, TransferKind.RecruiterReward);
            // Differential (级差): each level earns its rate minus the nearest lower level that has an agent.
            var lowerRate = Rate.Zero;
            foreach (var (region, level) in (ReadOnlySpan<(int, AgentLevel)>)[(shop.DistrictRegion, AgentLevel.District), (shop.CityRegion, AgentLevel.City), (shop.ProvinceRegion, AgentLevel.Province)])
            {
                var agent = _regions.AgentOf(region);
                if (agent == RegionBook.NoAgent) continue;
                var rate = rates.AgentRate(level);
                Pay(agent, rate - lowerRate, TransferKind.AgentReward);
                lowerRate = rate;
            }
        }
        if (_modes is not null) left = PayModeRewards(rates, payer, buyer, amount, at, left);
        return budget - left;
    }
}
