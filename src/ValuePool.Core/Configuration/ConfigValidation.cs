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
        Require(config.PayoutFitsBudget(out var largestPayout),
            $"rewards could reach {largestPayout} of an order (referral levels + recruiter + top agent + the modes settled in wallets) but the distribution budget is {config.DistributionBudget}");
        problems.AddRange(ModeProblems(config));
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
            config.ExitMultiple, config.RecruiterReward, config.DistrictAgent, config.CityAgent, config.ProvinceAgent, config.PeerRate, config.DividendShare,
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
        if (config.Levels is null) problems.Add("levels must be a list");
        else if (config.Levels.Count > LevelsMax) problems.Add($"levels: at most {LevelsMax}");
        else
            foreach (var level in config.Levels)
            {
                if (level is null) { problems.Add("a level must have a name, a team spend and a rate"); continue; }
                if (level.Rate < Rate.Zero || level.Rate > Rate.One) problems.Add($"level {level.Name}: rate {level.Rate} must be between 0 and 1");
                if (level.TeamSpend <= Money.Zero || level.TeamSpend > AmountText.MoneyMax)
                    problems.Add($"level {level.Name}: teamSpend {level.TeamSpend} must be above 0 and at most {AmountText.MoneyMax}");
            }
        return problems;
    }

    /// <summary>The most levels a configuration may list (the engine keeps a member's level in a byte).</summary>
    public const int LevelsMax = 20;
    private const int DepthLimit = 1000;
    private const int LevelNameLengthMax = 64;

    /// <summary>MODEL.md §3b: levels in order, each mode a settlement, its rates at most 1 and the walk bounded.</summary>
    private static IEnumerable<string> ModeProblems(EngineConfig config)
    {
        var levels = config.Levels;
        for (var i = 0; i < levels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(levels[i].Name) || levels[i].Name.Length > LevelNameLengthMax)
                yield return $"level {i + 1}: a name of 1 to {LevelNameLengthMax} characters";
            if (i == 0) continue;
            if (levels[i].TeamSpend <= levels[i - 1].TeamSpend)
                yield return $"levels: teamSpend must strictly increase ({levels[i - 1].Name} {levels[i - 1].TeamSpend}, {levels[i].Name} {levels[i].TeamSpend})";
            if (levels[i].Rate < levels[i - 1].Rate)
                yield return $"levels: rate must not decrease ({levels[i - 1].Name} {levels[i - 1].Rate}, {levels[i].Name} {levels[i].Rate})";
        }
        if (levels.Select(level => level.Name).Distinct(StringComparer.Ordinal).Count() != levels.Count) yield return "levels: names must differ";
        foreach (var (name, mode) in new[] { ("differential", config.Differential), ("peer", config.Peer), ("shareholderDividend", config.ShareholderDividend) })
            if (!Enum.IsDefined(mode)) yield return $"{name}: {mode} is not off, offline or wallet";
        if (config.PeerRate > Rate.One) yield return $"peerRate {config.PeerRate} must be at most 1";
        if (config.DividendShare > Rate.One) yield return $"dividendShare {config.DividendShare} must be at most 1";
        if (config.DepthMax is < 1 or > DepthLimit) yield return $"depthMax {config.DepthMax} must be between 1 and {DepthLimit}";
    }
}
