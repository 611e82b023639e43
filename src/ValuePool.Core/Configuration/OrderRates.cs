using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// A product's own split of an order (issue 4: products may override the commission and reward
/// rates), within the limits of the configuration: the commission between
/// <see cref="EngineConfig.ProductCommissionMin"/> and <see cref="EngineConfig.ProductCommissionMax"/>,
/// and the same rules as any configuration (rewards within the budget, the pool taking a share).
/// The platform's profit is what the commission leaves after the pool and the budget.
/// </summary>
public sealed record OrderRates(Rate Commission, Rate PoolContribution, Rate DistributionBudget)
{
    /// <summary>Referral rewards by depth; null keeps the configuration's.</summary>
    public IReadOnlyList<Rate>? ReferralLevels { get; init; }
    /// <summary>The recruiter's reward; null keeps the configuration's.</summary>
    public Rate? RecruiterReward { get; init; }

    /// <summary>The configuration an order with these rates runs under.</summary>
    public EngineConfig ApplyTo(EngineConfig config) => config with
    {
        Commission = Commission,
        PoolContribution = PoolContribution,
        DistributionBudget = DistributionBudget,
        PlatformProfit = Commission - PoolContribution - DistributionBudget,
        ReferralLevels = ReferralLevels ?? config.ReferralLevels,
        RecruiterReward = RecruiterReward ?? config.RecruiterReward,
    };

    /// <summary>Why these rates may not be used under <paramref name="config"/>; empty when they may.</summary>
    public IReadOnlyList<string> Problems(EngineConfig config)
    {
        var problems = new List<string>();
        Rate[] rates = [Commission, PoolContribution, DistributionBudget, RecruiterReward ?? Rate.Zero, .. ReferralLevels ?? []];
        if (rates.Any(rate => rate < Rate.Zero || rate > Rate.One) || ReferralLevels is { Count: > 10 })
            return ["a product's rates must each lie between 0 and 1, with at most 10 referral levels"];
        if (Commission < config.ProductCommissionMin || Commission > config.ProductCommissionMax)
            problems.Add($"a product's commission {Commission} must lie between {config.ProductCommissionMin} and {config.ProductCommissionMax}");
        if (PoolContribution + DistributionBudget > Commission)
            problems.Add($"poolContribution {PoolContribution} + distributionBudget {DistributionBudget} must not exceed the commission {Commission}");
        else problems.AddRange(ConfigValidation.Problems(ApplyTo(config)));
        return problems;
    }

    /// <summary>The rates as bytes, for the journal's command codec.</summary>
    public void Write(BinaryWriter output)
    {
        output.Write(Commission.PartsPerMillion);
        output.Write(PoolContribution.PartsPerMillion);
        output.Write(DistributionBudget.PartsPerMillion);
        output.Write(ReferralLevels?.Count ?? -1);
        foreach (var level in ReferralLevels ?? []) output.Write(level.PartsPerMillion);
        output.Write(RecruiterReward is not null);
        output.Write(RecruiterReward?.PartsPerMillion ?? 0);
    }

    public static OrderRates Read(BinaryReader input)
    {
        var rates = new OrderRates(new Rate(input.ReadInt64()), new Rate(input.ReadInt64()), new Rate(input.ReadInt64()));
        var levels = input.ReadInt32();
        var referralLevels = levels < 0 ? null : Enumerable.Range(0, levels).Select(_ => new Rate(input.ReadInt64())).ToArray();
        var hasRecruiter = input.ReadBoolean();
        var recruiter = new Rate(input.ReadInt64());
        return rates with { ReferralLevels = referralLevels, RecruiterReward = hasRecruiter ? recruiter : null };
    }

    /// <summary>Equal rates, level by level (a record compares its list by reference).</summary>
    public bool Equals(OrderRates? other) =>
        other is not null && (Commission, PoolContribution, DistributionBudget, RecruiterReward) == (other.Commission, other.PoolContribution, other.DistributionBudget, other.RecruiterReward)
        && (ReferralLevels is null ? other.ReferralLevels is null : other.ReferralLevels is not null && ReferralLevels.SequenceEqual(other.ReferralLevels));

    public override int GetHashCode() => HashCode.Combine(Commission, PoolContribution, DistributionBudget, RecruiterReward, ReferralLevels?.Count);
}
