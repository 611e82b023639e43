using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>Rules a configuration must meet before any engine runs it. Each problem is a sentence for the operator.</summary>
public static class ConfigValidation
{
    /// <summary>No rate of a sound configuration comes near it; below it, sums and products of rates cannot overflow.</summary>
    private static readonly Rate RateMax = Rate.FromDecimal(1000m);
    private const int DaysMax = 36_500;

    public static IReadOnlyList<string> Problems(EngineConfig config)
    {
        // Out-of-range values first, alone: the rules below add and multiply rates, which must not overflow.
        var ranges = RangeProblems(config);
        if (ranges.Count > 0) return ranges;
        var problems = new List<string>();
        void Require(bool ok, string problem) { if (!ok) problems.Add(problem); }

        Require(config.Commission > Rate.Zero && config.Commission <= Rate.One, $"commission {config.Commission} must be above 0 and at most 1");
        Require(config.PlatformProfit + config.DistributionBudget + config.PoolContribution == config.Commission,
            $"platformProfit {config.PlatformProfit} + distribution {config.DistributionBudget} + poolContribution {config.PoolContribution} must equal the commission {config.Commission}");
        Require(config.PoolContribution > Rate.Zero, "poolContribution must be above 0: without it the price cannot rise");
        Require(config.MintShare > Rate.Zero && config.MintShare < Rate.One,
            $"mintShare {config.MintShare} must be above 0 and below 1, or the price would not rise with every order");
        Require(config.Payout > Rate.Zero && config.Payout <= Rate.One, $"payout {config.Payout} must be above 0 and at most 1");
        // Above 10 the exit rule's integer products could leave 128 bits (PointPrice); the seed's choices are 1.2 and 2.
        Require(config.ExitMultiple > Rate.One && config.ExitMultiple <= Rate.FromDecimal(10m), $"exitMultiple {config.ExitMultiple} must be above 1 and at most 10");
        Require(config.DistrictAgent <= config.CityAgent && config.CityAgent <= config.ProvinceAgent,
            $"agent rates must rise with the level for a differential (district {config.DistrictAgent} ≤ city {config.CityAgent} ≤ province {config.ProvinceAgent})");
        Require(config.MaxRewards() <= config.DistributionBudget,
            $"rewards could reach {config.MaxRewards()} of an order (referral levels + recruiter + top agent) but the distribution budget is {config.DistributionBudget}");
        Require(config.PeerReward == Rate.Zero, "peerReward (平级奖) is not supported by the engine; set it to 0");
        Require(!config.MultiLevelDifferential, "multiLevelDifferential (多级别级差) is not supported by the engine: it is the seed's own pyramid-selling warning");
        Require(config.ShoppingPointsMaxShare + config.PlatformProductMargin <= Rate.One,
            $"shoppingPointsMaxShare {config.ShoppingPointsMaxShare} + platformProductMargin {config.PlatformProductMargin} must not exceed 1: the cash part must cover the margin");
        Require(config.ShoppingPointsStoreRebate * config.ShoppingPointsMaxShare + config.ShoppingReferrerReward <= config.PlatformProductMargin,
            $"store rebates and the shopping referrer reward could exceed the platform product margin {config.PlatformProductMargin}");
        Require(config.PartnerPoolShare <= Rate.One && config.ShareholderDividendShare + config.InitiatorBonus <= Rate.One,
            "partner and shareholder shares must not exceed 1");
        Require(config.ProductCommissionMin <= config.ProductCommissionMax && config.ProductCommissionMax <= Rate.One,
            $"productCommissionMin {config.ProductCommissionMin} must not exceed productCommissionMax {config.ProductCommissionMax} (at most 1)");
        Require(config.WithdrawalMinimum > Money.Zero, "withdrawalMinimum must be above 0");
        Require(config.WithdrawalFee >= Rate.Zero && config.WithdrawalFee < Rate.One, "withdrawalFee must be at least 0 and below 1");
        Require(config.BindingLapseDays > 0, $"bindingLapseDays {config.BindingLapseDays} must be above 0");
        Require(config.CardValidDaysMax > 0, "cardValidDaysMax must be above 0");
        Require(config.AmountMax > Money.Zero && config.CardPriceMax > Money.Zero, "amountMax and cardPriceMax must be above 0");
        return problems;
    }

    private static List<string> RangeProblems(EngineConfig config)
    {
        var problems = new List<string>();
        if (config.ReferralLevels is null) return ["referralLevels must be a list"];
        if (config.ReferralLevels.Count > 10) problems.Add("referralLevels: at most 10 levels");
        Rate[] rates =
        [
            config.Commission, config.PlatformProfit, config.DistributionBudget, config.PoolContribution, config.MintShare, config.Payout,
            config.ExitMultiple, config.RecruiterReward, config.DistrictAgent, config.CityAgent, config.ProvinceAgent, config.PeerReward,
            config.ShoppingPointsMaxShare, config.PlatformProductMargin, config.ShoppingPointsStoreRebate, config.ShoppingReferrerReward,
            config.PartnerPoolShare, config.ShareholderDividendShare, config.InitiatorBonus, config.ProductCommissionMin,
            config.ProductCommissionMax, config.WithdrawalFee, config.CardDiscountMax, config.CardOpeningShoppingPointsMaxMultiple,
            config.ShoppingPointsRateMax, .. config.ReferralLevels,
        ];
        foreach (var rate in rates)
            if (rate < Rate.Zero || rate > RateMax) problems.Add($"rate {rate} must be between 0 and {RateMax}");
        Money[] amounts =
        [
            config.DistrictAgentFee, config.CityAgentFee, config.ProvinceAgentFee, config.WithdrawalMinimum, config.AmountMax,
            config.CardPriceMax, config.PartnerReferralRewardMax,
        ];
        foreach (var amount in amounts)
            if (amount < Money.Zero || amount > AmountText.MoneyMax) problems.Add($"amount {amount} must be between 0 and {AmountText.MoneyMax}");
        foreach (var days in (ReadOnlySpan<int>)[config.ShoppingPointsExpiryDays, config.BindingLapseDays, config.CardValidDaysMax])
            if (days is < 0 or > DaysMax) problems.Add($"{days} days must be between 0 and {DaysMax}");
        if (!Enum.IsDefined(config.Binding)) problems.Add($"binding {config.Binding} is not a policy");
        return problems;
    }
}
