using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// Every rate of docs/MODEL.md, defaulting to the seed's values. Immutable; check it with
/// <see cref="ConfigValidation.Problems"/> before an engine uses it.
/// </summary>
public sealed record EngineConfig
{
    public static readonly EngineConfig Default = new();

    /// <summary>Store commission c (抽成) taken by the platform from every completed order.</summary>
    public Rate Commission { get; init; } = Rate.Percent(20);
    /// <summary>Part of the commission kept as platform profit (for the audit; the platform in fact keeps every remainder).</summary>
    public Rate PlatformProfit { get; init; } = Rate.Percent(2);
    /// <summary>Part of the commission spent on distribution rewards (分销); unspent goes to the platform.</summary>
    public Rate DistributionBudget { get; init; } = Rate.Percent(2);
    /// <summary>Part of the commission that enters the pool (进池).</summary>
    public Rate PoolContribution { get; init; } = Rate.Percent(16);
    /// <summary>Share of the pool contribution minted to the member as points.</summary>
    public Rate MintShare { get; init; } = Rate.Percent(70);
    /// <summary>Share of a sale's gross value paid to the wallet; the rest stays in the pool.</summary>
    public Rate Payout { get; init; } = Rate.Percent(80);
    /// <summary>Forced exit when points value + realized sales reach this multiple of the cycle's consumption.</summary>
    public Rate ExitMultiple { get; init; } = Rate.FromDecimal(1.2m);

    /// <summary>Referral rewards by depth: [0] direct (直推), [1] indirect (间推), deeper levels if configured.</summary>
    public IReadOnlyList<Rate> ReferralLevels { get; init; } = [Rate.Percent(0.3m), Rate.Percent(0.2m)];
    /// <summary>Reward to whoever brought the order's store onto the platform (招商奖励).</summary>
    public Rate RecruiterReward { get; init; } = Rate.Percent(0.5m);
    public Rate DistrictAgent { get; init; } = Rate.Percent(0.1m);
    public Rate CityAgent { get; init; } = Rate.Percent(0.2m);
    public Rate ProvinceAgent { get; init; } = Rate.Percent(0.3m);
    /// <summary>Member levels (会员等级) by team spend, lowest first; empty = no levels and none of the modes below can pay.</summary>
    public IReadOnlyList<MemberLevel> Levels { get; init; } = [];
    /// <summary>Multi-level differential (多级别级差, MODEL.md §3b): off by default; the audit flags it as pyramid-selling risk.</summary>
    public ModeSettlement Differential { get; init; } = ModeSettlement.Off;
    /// <summary>Peer reward (平级奖): the nearest same-level upline above each differential earner gets <see cref="PeerRate"/> of it.</summary>
    public ModeSettlement Peer { get; init; } = ModeSettlement.Off;
    public Rate PeerRate { get; init; } = Rate.Percent(10);
    /// <summary>The most uplines an order's differential and peer walk visits.</summary>
    public int DepthMax { get; init; } = 20;
    /// <summary>Platform shareholders' weighted dividend (股东加权分红): <see cref="DividendShare"/> of a period's revenue to the top level.</summary>
    public ModeSettlement ShareholderDividend { get; init; } = ModeSettlement.Off;
    public Rate DividendShare { get; init; } = Rate.Percent(1);

    public Money DistrictAgentFee { get; init; } = Money.FromYuan(50_000);
    public Money CityAgentFee { get; init; } = Money.FromYuan(100_000);
    public Money ProvinceAgentFee { get; init; } = Money.FromYuan(300_000);

    /// <summary>Most of a platform product's price that shopping points may pay (the rest in cash).</summary>
    public Rate ShoppingPointsMaxShare { get; init; } = Rate.Percent(70);
    /// <summary>The platform's margin on its own products, out of which rebates and the referrer are paid.</summary>
    public Rate PlatformProductMargin { get; init; } = Rate.Percent(20);
    /// <summary>Paid to the issuing store, of the shopping points it issued that were redeemed.</summary>
    public Rate ShoppingPointsStoreRebate { get; init; } = Rate.Percent(10);
    /// <summary>Paid to the buyer's referrer, of a platform product's price.</summary>
    public Rate ShoppingReferrerReward { get; init; } = Rate.Percent(5);
    /// <summary>Days until a shopping-point lot expires; 0 = never (the seed's default).</summary>
    public int ShoppingPointsExpiryDays { get; init; }
    /// <summary>Share of a store's net revenue (after commission) that forms its partner dividend pool.</summary>
    public Rate PartnerPoolShare { get; init; } = Rate.Percent(15);
    /// <summary>Share of a store's daily gross revenue paid to its shareholders, by share.</summary>
    public Rate ShareholderDividendShare { get; init; } = Rate.Percent(58);
    /// <summary>The initiating shareholder's daily management bonus, of gross revenue.</summary>
    public Rate InitiatorBonus { get; init; } = Rate.Percent(2);

    /// <summary>The lowest commission a product may set for itself (<see cref="OrderRates"/>).</summary>
    public Rate ProductCommissionMin { get; init; } = Rate.Percent(5);
    /// <summary>The highest commission a product may set for itself.</summary>
    public Rate ProductCommissionMax { get; init; } = Rate.Percent(30);

    /// <summary>The smallest withdrawal of wallet cash.</summary>
    public Money WithdrawalMinimum { get; init; } = Money.FromYuan(10);
    /// <summary>Fee kept by the platform from an approved withdrawal (rounded down; 0 by default).</summary>
    public Rate WithdrawalFee { get; init; } = Rate.Zero;

    /// <summary>The largest single amount (an order, a top-up, an investment, a withdrawal); MODEL.md §8's <c>amountMax</c>.</summary>
    public Money AmountMax { get; init; } = Money.FromYuan(1_000_000);
    /// <summary>The most a store may ask for a membership card.</summary>
    public Money CardPriceMax { get; init; } = Money.FromYuan(100_000);
    /// <summary>The longest a membership card may be valid; its free-item days may not exceed its validity.</summary>
    public int CardValidDaysMax { get; init; } = 3650;
    /// <summary>The largest in-store discount a card may give.</summary>
    public Rate CardDiscountMax { get; init; } = Rate.Percent(50);
    /// <summary>A card's opening shopping points may be at most this multiple of its price.</summary>
    public Rate CardOpeningShoppingPointsMaxMultiple { get; init; } = Rate.FromDecimal(3m);
    /// <summary>The most a store may pay a partner for each new member they bring.</summary>
    public Money PartnerReferralRewardMax { get; init; } = Money.FromYuan(100);
    /// <summary>The most shopping points a store may grant per yuan spent.</summary>
    public Rate ShoppingPointsRateMax { get; init; } = Rate.FromDecimal(10m);

    public BindingPolicy Binding { get; init; } = BindingPolicy.FirstWins;
    public int BindingLapseDays { get; init; } = 30;

    public Rate AgentRate(AgentLevel level) => level switch
    {
        AgentLevel.District => DistrictAgent,
        AgentLevel.City => CityAgent,
        _ => ProvinceAgent,
    };

    public Money AgentFee(AgentLevel level) => level switch
    {
        AgentLevel.District => DistrictAgentFee,
        AgentLevel.City => CityAgentFee,
        _ => ProvinceAgentFee,
    };

    /// <summary>The most any one order can pay in rewards: every level, the recruiter, and the top agent.</summary>
    public Rate MaxRewards()
    {
        var total = RecruiterReward + Max(DistrictAgent, CityAgent, ProvinceAgent);
        foreach (var level in ReferralLevels) total += level;
        return total;
    }

    /// <summary>The top level's rate: the most the differential pays on one order, in total; zero without levels.</summary>
    public Rate TopLevelRate => Levels.Count == 0 ? Rate.Zero : Levels[^1].Rate;

    /// <summary>Whether the engine keeps members' team spend and levels (and so the modes' side state).</summary>
    public bool HasLevels => Levels.Count > 0;

    /// <summary>
    /// Whether the most one order can pay from its distribution budget, the modes settled in wallets included, fits the
    /// budget. The differential pays at most the top rate in total, and peers at most <see cref="PeerRate"/> of that;
    /// compared exactly, in millionths of millionths. Offline modes take nothing from the budget.
    /// </summary>
    public bool PayoutFitsBudget(out Rate largestPayout)
    {
        var scale = (Int128)Rate.OneMillion;
        var differential = Differential == ModeSettlement.Wallet ? TopLevelRate : Rate.Zero;
        var peer = Differential != ModeSettlement.Off && Peer == ModeSettlement.Wallet ? PeerRate : Rate.Zero;
        var exact = ((Int128)MaxRewards().PartsPerMillion + differential.PartsPerMillion) * scale
            + (Int128)TopLevelRate.PartsPerMillion * peer.PartsPerMillion;
        // Shown rounded up to a millionth, so that a refused payout never reads as equal to the budget.
        largestPayout = new Rate((long)((exact + scale - 1) / scale));
        return exact <= (Int128)DistributionBudget.PartsPerMillion * scale;
    }

    private static Rate Max(params Rate[] rates) => rates.Max();
}
