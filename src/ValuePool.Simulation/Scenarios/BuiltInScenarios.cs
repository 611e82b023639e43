using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Simulation.Scenarios;

/// <summary>
/// The named scenarios of `valuepool simulate --scenario NAME`. Each changes one thing from steady
/// growth, so two reports side by side show what that one thing does.
/// </summary>
public static class BuiltInScenarios
{
    /// <summary>20,000 members over a year, about ten orders each: big enough for smooth charts, quick to run.</summary>
    public static readonly Scenario SteadyGrowth = new()
    {
        Name = "steady-growth",
        Title = new("稳定增长：一年内 2 万会员按 S 形曲线加入", "Steady growth: 20,000 members join over a year along an S-curve"),
        Days = 360,
        Growth = new Growth { Members = 20_000, Shape = GrowthShape.Logistic },
        RepeatOrdersPerMemberPerDay = 0.05,
        EarlySellers = new EarlySellers { Share = 0.1, AfterDays = 30 },
    };

    public static readonly Scenario StopsGrowing = SteadyGrowth with
    {
        Name = "stops-growing",
        Title = new("增长停止：第 180 天起没有新会员，也没有新消费", "Growth stops: from day 180 no new members and no new orders"),
        Growth = SteadyGrowth.Growth with { StopsOnDay = 180 },
        ConsumptionStopsOnDay = 180,
    };

    public static readonly Scenario MassSellOff = SteadyGrowth with
    {
        Name = "mass-selloff",
        Title = new("集中抛售：第 180 天一半会员卖出全部积分", "Mass sell-off: on day 180 half the members sell all their points"),
        SellOffs = [new SellOff(180, 0.5)],
    };

    public static readonly Scenario FinancingSubsidy = SteadyGrowth with
    {
        Name = "financing-subsidy",
        Title = new("融资补贴：第 90 天 A 轮 100 万元注入增值池", "Financing subsidy: an A round puts ¥1,000,000 into the pool on day 90"),
        Subsidies = [new SubsidyRound(90, 1_000_000m, "A round")],
    };

    public static readonly Scenario ExitTwice = SteadyGrowth with
    {
        Name = "exit-2x",
        Title = new("2 倍出局：出局倍数 2.0 而不是 1.2", "2× exit: exit multiple 2.0 instead of 1.2"),
        Engine = EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2.0m) },
    };

    /// <summary>
    /// The distribution modes of MODEL.md §3b on: levels by team spend, the differential and peer rewards in wallets (the
    /// audit's 传销 risk) and the platform shareholders' dividend tallied offline, settled every 30 days.
    /// </summary>
    public static readonly Scenario Modes = SteadyGrowth with
    {
        Name = "modes",
        Title = new("分销模式：会员等级、多级别级差、平级奖和股东加权分红", "Distribution modes: member levels, multi-level differential, peer reward, shareholders' dividend"),
        Engine = EngineConfig.Default with
        {
            Levels =
            [
                new MemberLevel("V1", Money.FromYuan(500), Rate.Percent(0.1m)),
                new MemberLevel("V2", Money.FromYuan(5_000), Rate.Percent(0.2m)),
                new MemberLevel("V3", Money.FromYuan(50_000), Rate.Percent(0.4m)),
            ],
            Differential = ModeSettlement.Wallet,
            Peer = ModeSettlement.Wallet,
            ShareholderDividend = ModeSettlement.Offline,
        },
    };

    /// <summary>The speed target of issue 6: about 10,000,000 orders by 1,000,000 members (docs/PERFORMANCE.md).</summary>
    public static readonly Scenario Large = SteadyGrowth with
    {
        Name = "large",
        Title = new("大规模：100 万会员、约 1000 万笔订单", "Large: 1,000,000 members, about 10,000,000 orders"),
        Days = 100,
        Growth = new Growth { Members = 1_000_000, Shape = GrowthShape.Constant },
        // 10,000 arrivals a day for 100 days give 49.5 million member-days before each day; 0.182 of them
        // order again, which with the 1,000,000 first orders makes about 10,000,000 orders.
        RepeatOrdersPerMemberPerDay = 0.182,
        Stores = new StoreNetwork { Count = 2_000, Provinces = 4, CitiesPerProvince = 4, DistrictsPerCity = 4 },
    };

    public static IReadOnlyList<Scenario> All { get; } = [SteadyGrowth, StopsGrowing, MassSellOff, FinancingSubsidy, ExitTwice, Modes, Large];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
