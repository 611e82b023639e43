using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Server.Http;

namespace ValuePool.Server.Products;

/// <summary>A product's own split (rates as decimal strings, "0.1" = 10%); referral levels and recruiter are optional.</summary>
public sealed record ProductRatesRequest(string? Commission, string? PoolContribution, string? DistributionBudget, string[]? ReferralLevels,
    string? RecruiterReward)
{
    /// <summary>The rates, or null with field errors added when a rate is missing or malformed.</summary>
    public OrderRates? Read(FieldErrors errors)
    {
        var commission = Rate(errors, "rates.commission", Commission);
        var pool = Rate(errors, "rates.poolContribution", PoolContribution);
        var budget = Rate(errors, "rates.distributionBudget", DistributionBudget);
        var levels = ReferralLevels?.Select((level, i) => Rate(errors, $"rates.referralLevels[{i}]", level)).ToArray();
        Rate? recruiter = RecruiterReward is null ? null : Rate(errors, "rates.recruiterReward", RecruiterReward);
        return errors.Any ? null : new OrderRates(commission, pool, budget) { ReferralLevels = levels, RecruiterReward = recruiter };
    }

    public static ProductRatesRequest Of(OrderRates rates) =>
        new(rates.Commission.ToString(), rates.PoolContribution.ToString(), rates.DistributionBudget.ToString(),
            rates.ReferralLevels?.Select(level => level.ToString()).ToArray(), rates.RecruiterReward?.ToString());

    private static Rate Rate(FieldErrors errors, string field, string? text)
    {
        var problem = AmountText.ReadDecimal(text, 6, out var value);
        if (problem == AmountTextProblem.None && value <= 1m) return Core.Amounts.Rate.FromDecimal(value);
        errors.Add(field, text is null ? FieldErrors.Required("0.2")
            : problem != AmountTextProblem.None ? FieldErrors.Words(problem, text, 6, "") : new("比例不能超过 1", "a rate is at most 1"));
        return Core.Amounts.Rate.Zero;
    }
}
