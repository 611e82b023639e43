using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

public enum FindingSeverity
{
    /// <summary>A feature with a legal risk that a person must review before launch.</summary>
    Review,
    /// <summary>A setting that matches a feature the law names as pyramid selling or illegal fund-raising.</summary>
    Risk,
}

/// <summary>One audit finding: what is configured, why it matters, and which rule it comes from.</summary>
public sealed record AuditFinding(FindingSeverity Severity, string Code, string Message, string Rule);

/// <summary>
/// The configuration audit of MODEL.md §3: the seed's own legal warnings, made checkable. It reads
/// the configuration only; it never changes or refuses it (validation does that).
/// </summary>
public static class ComplianceAudit
{
    private const string PyramidLaw = "Criminal Law art. 224-1 (组织、领导传销活动罪; 3+ levels, 30+ people) and the 2005 Regulations Prohibiting Pyramid Selling (禁止传销条例)";
    private const string RebateNotice = "2018 six-ministry notice on 消费返利 schemes (illegal fund-raising 非法集资 risk)";

    public static IReadOnlyList<AuditFinding> Run(EngineConfig config, IEnumerable<StorePromise>? stores = null,
        IEnumerable<(string ProductId, OrderRates Rates)>? productRates = null)
    {
        var findings = new List<AuditFinding>();
        var paidLevels = config.ReferralLevels.Count(rate => rate > Rate.Zero);
        if (paidLevels > 2)
            findings.Add(new(FindingSeverity.Risk, "referral-depth",
                $"referral rewards are paid {paidLevels} levels deep; more than two levels is a pyramid-selling feature", PyramidLaw));
        findings.AddRange(ModeFindings(config));
        if (!config.PayoutFitsBudget(out var largestPayout))
            findings.Add(new(FindingSeverity.Risk, "payout-above-budget",
                $"one order could pay {Percent(largestPayout)} in rewards (the modes settled in wallets included) but its distribution budget is {Percent(config.DistributionBudget)}: refused",
                "MODEL.md §3: the sum of rewards on an order must not exceed its distribution budget"));

        var staticReturn = config.ExitMultiple.Value * config.Payout.Value;
        if (staticReturn > 1m)
            findings.Add(new(FindingSeverity.Risk, "static-return",
                $"exitMultiple {config.ExitMultiple} × payout {config.Payout} = {staticReturn:0.####}: a forced exit returns more cash than the member spent", RebateNotice));

        foreach (var level in Enum.GetValues<AgentLevel>())
        {
            var rate = config.AgentRate(level);
            var fee = config.AgentFee(level);
            if (rate == Rate.Zero || fee == Money.Zero) continue;
            // What the region must sell before the fee comes back, counting the level's full rate.
            var breakEven = Money.FloorFromYuan(fee.Yuan / rate.Value);
            findings.Add(new(FindingSeverity.Review, $"entry-fee-{level.ToString().ToLowerInvariant()}",
                $"{level} agents pay ¥{fee} for a region and earn up to {Percent(rate)} of every order in it: the fee comes back only after ¥{breakEven} of orders in the region (入门费 risk)",
                PyramidLaw + "; paying to join is a named feature"));
        }
        foreach (var store in stores ?? []) findings.AddRange(StoreFindings(config, store));
        foreach (var (product, rates) in productRates ?? []) findings.AddRange(ProductFindings(config, product, rates));
        return findings;
    }

    /// <summary>A product's own rates: refused outside the limits, and held to the same depth rule as the configuration.</summary>
    private static IEnumerable<AuditFinding> ProductFindings(EngineConfig config, string product, OrderRates rates)
    {
        foreach (var problem in rates.Problems(config))
            yield return new(FindingSeverity.Risk, $"product-rates:{product}", $"product {product}: {problem}; its orders are refused",
                "configuration limits (productCommissionMin/Max, the distribution budget)");
        var paidLevels = (rates.ReferralLevels ?? config.ReferralLevels).Count(rate => rate > Rate.Zero);
        if (paidLevels > 2)
            yield return new(FindingSeverity.Risk, $"referral-depth:{product}",
                $"product {product} pays referral rewards {paidLevels} levels deep", PyramidLaw);
    }

    /// <summary>A store's promised payouts (flagged above 100% of revenue) and its shares sold for money (入门费 review).</summary>
    private static IEnumerable<AuditFinding> StoreFindings(EngineConfig config, StorePromise store)
    {
        var promised = store.PromisedShareOfRevenue(config);
        var over = promised > 1m;
        yield return new(over ? FindingSeverity.Risk : FindingSeverity.Review, $"store-payouts:{store.StoreId}",
            over
                ? $"store {store.StoreId} promises {promised * 100m:0.##}% of its revenue (commission, partner pool, dividends, bonus): more than it takes in"
                : $"store {store.StoreId} promises {promised * 100m:0.##}% of its revenue (commission, partner pool, dividends, bonus), leaving {(1m - promised) * 100m:0.##}% for goods, rent and staff",
            "MODEL.md §3: any store whose promised payouts exceed its revenue");
        var dividend = config.ShareholderDividendShare.Value;
        foreach (var holding in store.Holdings.Where(h => h.Invested > Money.Zero).DistinctBy(h => (h.Share, h.Invested)))
        {
            // Daily dividend = revenue · 58% · share: the revenue the store must make for the investment to come back.
            var breakEven = Money.FloorFromYuan(holding.Invested.Yuan / (dividend * holding.Share.Value));
            yield return new(FindingSeverity.Review, $"entry-fee-store-share:{store.StoreId}",
                $"store {store.StoreId} sells {Percent(holding.Share)} for ¥{holding.Invested}, paid from the store's daily revenue: it comes back only after ¥{breakEven} of revenue (入门费 risk)",
                PyramidLaw + "; paying to join is a named feature");
        }
    }

    /// <summary>
    /// Each optional mode of MODEL.md §3b that is on: a 传销 risk when it pays into wallets (rank-based rewards along the upline
    /// paid by the platform), for review when tallied offline (the seed's 财务宝: the platform pays nothing, but the scheme exists).
    /// </summary>
    private static IEnumerable<AuditFinding> ModeFindings(EngineConfig config)
    {
        var levels = config.Levels.Count == 0 ? "no levels are configured, so it pays nothing yet"
            : $"{config.Levels.Count} levels by team spend, top rate {Percent(config.TopLevelRate)}";
        (string Code, ModeSettlement Settlement, string What)[] modes =
        [
            ("multi-level-differential", config.Differential,
                $"multi-level differential rewards (多级别级差) pay uplines by rank, up to {config.DepthMax} levels up ({levels})"),
            ("peer-reward", config.Differential == ModeSettlement.Off ? ModeSettlement.Off : config.Peer,
                $"peer rewards (平级奖) pay {Percent(config.PeerRate)} of each differential reward to the nearest upline of the same rank"),
            ("platform-shareholder-dividend", config.ShareholderDividend,
                $"the platform shareholders' weighted dividend (股东加权分红) pays {Percent(config.DividendShare)} of the platform's revenue to the top level, weighted by team spend"),
        ];
        foreach (var (code, settlement, what) in modes)
        {
            if (settlement == ModeSettlement.Off) continue;
            yield return settlement == ModeSettlement.Wallet
                ? new(FindingSeverity.Risk, code, $"{what}, credited to wallets: a pyramid-selling (传销) feature", PyramidLaw)
                : new(FindingSeverity.Review, code, $"{what}, tallied offline (财务宝) and paid outside the platform: review before paying it", PyramidLaw);
        }
    }

    private static string Percent(Rate rate) => $"{rate.Value * 100m:0.####}%";
}
