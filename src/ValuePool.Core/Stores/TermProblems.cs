using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Core.Stores;

/// <summary>
/// A term a merchant set outside its bounds: the field (as the API names it), why (in English), and the configured bound
/// the message names, as the API writes it ("2000.00"), empty when the bound is another term: the API words it in Chinese too.
/// </summary>
public readonly record struct TermProblem(string Field, string Problem, string Bound = "");

/// <summary>
/// The bounds of every merchant-set term (MODEL.md §8), in one place: the engine refuses terms with any problem
/// (<see cref="Engine.CommandResult.InvalidTerms"/>), and the API names each field from the same list.
/// </summary>
public static class TermProblems
{
    public static IReadOnlyList<TermProblem> Of(MembershipCardTerms terms, EngineConfig bounds)
    {
        var problems = new List<TermProblem>();
        void Require(bool ok, string field, string problem, object? bound = null) { if (!ok) problems.Add(new TermProblem(field, problem, bound?.ToString() ?? "")); }

        Require(terms.Price > Money.Zero && terms.Price <= bounds.CardPriceMax, "price", $"must be above 0 and at most {bounds.CardPriceMax}", bounds.CardPriceMax);
        Require(terms.Discount >= Rate.Zero && terms.Discount <= bounds.CardDiscountMax, "discount", $"must be between 0 and {bounds.CardDiscountMax}", bounds.CardDiscountMax);
        Require(terms.SellerReward >= Money.Zero && terms.SellerReward <= terms.Price, "sellerReward", "must be between 0 and the card's price");
        Require(terms.ValidDays > 0 && terms.ValidDays <= bounds.CardValidDaysMax, "validDays", $"must be between 1 and {bounds.CardValidDaysMax}", bounds.CardValidDaysMax);
        Require(terms.FreeItemDays >= 0 && terms.FreeItemDays <= terms.ValidDays, "freeItemDays", "must be between 0 and the card's validDays");
        Require(terms.DailySpecialPrice is null or { Fen: > 0 } && (terms.DailySpecialPrice ?? Money.Zero) <= bounds.AmountMax,
            "dailySpecialPrice", $"must be above 0 and at most {bounds.AmountMax}", bounds.AmountMax);
        // Compared in Int128: a price within its bound times a rate within the configuration's cannot overflow there.
        var openingMaxUnits = (Int128)Math.Max(terms.Price.Fen, 0) * bounds.CardOpeningShoppingPointsMaxMultiple.PartsPerMillion / Rate.OneMillion;
        Require(terms.OpeningShoppingPoints >= ShoppingPoints.Zero && terms.OpeningShoppingPoints.Units <= openingMaxUnits,
            "openingShoppingPoints", $"must be between 0 and {bounds.CardOpeningShoppingPointsMaxMultiple} × the card's price", bounds.CardOpeningShoppingPointsMaxMultiple);
        return problems;
    }

    public static IReadOnlyList<TermProblem> Of(StoreTerms terms, EngineConfig bounds)
    {
        var problems = new List<TermProblem>();
        void Require(bool ok, string field, string problem, object? bound = null) { if (!ok) problems.Add(new TermProblem(field, problem, bound?.ToString() ?? "")); }

        Require(terms.ShoppingPointsRate >= Rate.Zero && terms.ShoppingPointsRate <= bounds.ShoppingPointsRateMax,
            "shoppingPointsRate", $"must be between 0 and {bounds.ShoppingPointsRateMax}", bounds.ShoppingPointsRateMax);
        Require(terms.PartnerSpend is null || (terms.PartnerSpend > Money.Zero && terms.PartnerSpend <= bounds.AmountMax),
            "partnerSpend", $"must be above 0 and at most {bounds.AmountMax}", bounds.AmountMax);
        Require(terms.PartnerReferralReward >= Money.Zero && terms.PartnerReferralReward <= bounds.PartnerReferralRewardMax,
            "partnerReferralReward", $"must be between 0 and {bounds.PartnerReferralRewardMax}", bounds.PartnerReferralRewardMax);
        Require(Enum.IsDefined(terms.PartnerSplit), "partnerSplit", "must be equal or weighted");
        Require(Enum.IsDefined(terms.PartnerPeriod), "partnerPeriod", "must be weekly or monthly");
        return problems;
    }
}
