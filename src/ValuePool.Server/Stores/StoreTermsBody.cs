using ValuePool.Core.Amounts;
using ValuePool.Core.Stores;
using ValuePool.Server.Http;

namespace ValuePool.Server.Stores;

/// <summary>
/// A store's own terms (MODEL.md §4–§5) as the API writes them: amounts and rates as decimal strings,
/// choices as lower-case names. Every field is optional; an absent one keeps the platform's default. The bounds of
/// each term are the configuration's (<see cref="TermProblems"/>), checked where the terms are registered.
/// </summary>
public sealed record StoreTermsBody(string? ShoppingPointsRate, string? PartnerSpend, string? PartnerSplit, string? PartnerPeriod,
    string? PartnerReferralReward)
{
    public StoreTerms Read(FieldErrors errors)
    {
        var defaults = StoreTerms.Default;
        return new StoreTerms
        {
            ShoppingPointsRate = ShoppingPointsRate is null
                ? defaults.ShoppingPointsRate
                : errors.Rate("terms.shoppingPointsRate", ShoppingPointsRate, max: decimal.MaxValue), // bounded by the configuration (TermProblems)
            PartnerSpend = PartnerSpend is null ? null : errors.Money("terms.partnerSpend", PartnerSpend),
            PartnerSplit = errors.Choice("terms.partnerSplit", PartnerSplit, defaults.PartnerSplit),
            PartnerPeriod = errors.Choice("terms.partnerPeriod", PartnerPeriod, defaults.PartnerPeriod),
            PartnerReferralReward = errors.MoneyOrZero("terms.partnerReferralReward", PartnerReferralReward),
        };
    }

    public static StoreTermsBody Of(StoreTerms terms) =>
        new(terms.ShoppingPointsRate.ToString(), terms.PartnerSpend?.Text(), terms.PartnerSplit.Text(), terms.PartnerPeriod.Text(),
            terms.PartnerReferralReward.Text());
}
