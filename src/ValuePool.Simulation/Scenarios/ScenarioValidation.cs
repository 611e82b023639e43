namespace ValuePool.Simulation.Scenarios;

/// <summary>Checks a scenario once, before a run, so the runner can trust every number in it.</summary>
public static class ScenarioValidation
{
    /// <summary>Longest horizon: the runner keeps a few numbers per day, and years of days say nothing more.</summary>
    public const int DaysMax = 3_650;
    /// <summary>Most members: per-member arrays stay well inside memory (about 60 bytes each beside the engine's).</summary>
    public const int MembersMax = 20_000_000;

    public static IReadOnlyList<string> Problems(Scenario scenario)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem) { if (!ok) problems.Add(problem); }
        static bool IsShare(double value) => value is >= 0 and <= 1;

        Check(!string.IsNullOrWhiteSpace(scenario.Name), "name must not be empty");
        Check(scenario.Days is >= 1 and <= DaysMax, $"days must be 1..{DaysMax}");
        var growth = scenario.Growth;
        Check(growth.Members is >= 1 and <= MembersMax, $"growth.members must be 1..{MembersMax}");
        Check(growth.ArrivalDays is null or >= 1, "growth.arrivalDays must be at least 1");
        Check(growth.StopsOnDay is null or >= 0, "growth.stopsOnDay must not be negative");
        Check(scenario.RepeatOrdersPerMemberPerDay is >= 0 and <= 100, "repeatOrdersPerMemberPerDay must be 0..100");
        Check(scenario.ConsumptionStopsOnDay is null or >= 0, "consumptionStopsOnDay must not be negative");
        var amount = scenario.OrderAmount;
        Check(amount.MinYuan >= 0.01 && amount.MinYuan <= amount.MedianYuan && amount.MedianYuan <= amount.MaxYuan && amount.MaxYuan <= 1_000_000,
            "orderAmount needs 0.01 ≤ minYuan ≤ medianYuan ≤ maxYuan ≤ 1000000");
        Check(amount.Spread is >= 0 and <= 5, "orderAmount.spread must be 0..5");
        Check(IsShare(scenario.EarlySellers.Share), "earlySellers.share must be 0..1");
        Check(scenario.EarlySellers.AfterDays >= 0, "earlySellers.afterDays must not be negative");
        foreach (var sellOff in scenario.SellOffs)
            Check(IsShare(sellOff.Share) && sellOff.Day >= 0, $"sellOffs: day {sellOff.Day} share {sellOff.Share}: day ≥ 0 and share 0..1");
        foreach (var subsidy in scenario.Subsidies)
            Check(subsidy.Day >= 0 && subsidy.AmountYuan > 0 && decimal.Round(subsidy.AmountYuan, 2) == subsidy.AmountYuan && !string.IsNullOrWhiteSpace(subsidy.Source),
                $"subsidies: day {subsidy.Day}: day ≥ 0, amountYuan > 0 with at most 2 decimals, and a source");
        var stores = scenario.Stores;
        Check(stores.Count is >= 1 and <= 100_000, "stores.count must be 1..100000");
        Check(stores.Provinces >= 1 && stores.CitiesPerProvince >= 1 && stores.DistrictsPerCity >= 1
            && stores.Provinces * stores.CitiesPerProvince * stores.DistrictsPerCity <= 10_000, "stores: provinces, citiesPerProvince, districtsPerCity ≥ 1 and at most 10000 districts");
        Check(IsShare(stores.RecruitedShare), "stores.recruitedShare must be 0..1");
        var referrals = scenario.Referrals;
        Check(IsShare(referrals.StoreQrShare) && IsShare(referrals.MemberLinkShare) && referrals.StoreQrShare + referrals.MemberLinkShare <= 1,
            "referrals: storeQrShare and memberLinkShare are shares that add up to at most 1");
        foreach (var problem in Core.Configuration.ConfigValidation.Problems(scenario.Engine)) problems.Add($"config: {problem}");
        return problems;
    }
}
