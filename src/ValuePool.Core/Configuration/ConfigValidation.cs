using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>Rules a configuration must meet before any engine runs it. Each problem is a sentence for the operator.</summary>
public static class ConfigValidation
{
    public static IReadOnlyList<string> Problems(EngineConfig config)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem) { if (!ok) problems.Add(problem); }

        Require(config.Commission > Rate.Zero && config.Commission <= Rate.One, $"commission {config.Commission} must be above 0 and at most 1");
        Require(config.PlatformProfit + config.DistributionBudget + config.PoolContribution == config.Commission,
            $"platformProfit {config.PlatformProfit} + distribution {config.DistributionBudget} + poolContribution {config.PoolContribution} must equal the commission {config.Commission}");
        Require(config.PoolContribution > Rate.Zero, "poolContribution must be above 0: without it the price cannot rise");
        Require(config.MintShare > Rate.Zero && config.MintShare < Rate.One,
            $"mintShare {config.MintShare} must be above 0 and below 1, or the price would not rise with every order");
        Require(config.Payout > Rate.Zero && config.Payout <= Rate.One, $"payout {config.Payout} must be above 0 and at most 1");
        Require(config.ExitMultiple > Rate.One, $"exitMultiple {config.ExitMultiple} must be above 1");
        Require(config.DistrictAgent <= config.CityAgent && config.CityAgent <= config.ProvinceAgent,
            $"agent rates must rise with the level for a differential (district {config.DistrictAgent} ≤ city {config.CityAgent} ≤ province {config.ProvinceAgent})");
        Require(config.MaxRewards <= config.DistributionBudget,
            $"rewards could reach {config.MaxRewards} of an order (referral levels + recruiter + top agent) but the distribution budget is {config.DistributionBudget}");
        Require(config.PeerReward == Rate.Zero, "peerReward (平级奖) is not supported by the engine; set it to 0");
        Require(!config.MultiLevelDifferential, "multiLevelDifferential (多级别级差) is not supported by the engine: it is the seed's own pyramid-selling warning");
        Require(config.ShoppingPointsMaxShare + config.PlatformProductMargin <= Rate.One,
            $"shoppingPointsMaxShare {config.ShoppingPointsMaxShare} + platformProductMargin {config.PlatformProductMargin} must not exceed 1: the cash part must cover the margin");
        Require(config.ShoppingPointsStoreRebate * config.ShoppingPointsMaxShare + config.ShoppingReferrerReward <= config.PlatformProductMargin,
            $"store rebates and the shopping referrer reward could exceed the platform product margin {config.PlatformProductMargin}");
        Require(config.ShoppingPointsExpiryDays >= 0, "shoppingPointsExpiryDays must not be negative (0 = never)");
        Require(config.PartnerPoolShare <= Rate.One && config.ShareholderDividendShare + config.InitiatorBonus <= Rate.One,
            "partner and shareholder shares must not exceed 1");
        Require(config.ProductCommissionMin <= config.ProductCommissionMax && config.ProductCommissionMax <= Rate.One,
            $"productCommissionMin {config.ProductCommissionMin} must not exceed productCommissionMax {config.ProductCommissionMax} (at most 1)");
        Require(config.WithdrawalMinimum > Money.Zero, "withdrawalMinimum must be above 0");
        Require(config.WithdrawalFee >= Rate.Zero && config.WithdrawalFee < Rate.One, "withdrawalFee must be at least 0 and below 1");
        Require(config.BindingLapseDays > 0, $"bindingLapseDays {config.BindingLapseDays} must be above 0");
        foreach (var level in Enum.GetValues<AgentLevel>())
            Require(config.AgentFee(level) >= Money.Zero, $"the {level} agent fee must not be negative");
        foreach (var rate in config.ReferralLevels.Append(config.RecruiterReward).Append(config.DistrictAgent))
            Require(rate >= Rate.Zero, $"reward rate {rate} must not be negative");
        return problems;
    }
}
