using System.Text.Json.Serialization;
using ValuePool.Core.Configuration;

namespace ValuePool.Simulation.Scenarios;

/// <summary>
/// A synthetic platform to run through the real engine: who arrives when, what they buy, who sells,
/// when the platform adds money, and the engine's configuration. Every random choice is drawn from
/// <see cref="Seed"/>, so a scenario and a seed always give the same run. The JSON form is in docs/SIMULATOR.md.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "custom";
    public Bilingual Title { get; init; } = new("自定义场景", "Custom scenario");
    public long Seed { get; init; } = 1;
    /// <summary>The horizon: days simulated, day 0 first.</summary>
    public int Days { get; init; } = 180;
    public Growth Growth { get; init; } = new();
    /// <summary>Expected orders a day by each member who has arrived, besides their first order.</summary>
    public double RepeatOrdersPerMemberPerDay { get; init; } = 0.05;
    /// <summary>From this day on nobody orders any more (new consumption dries up); null = never.</summary>
    public int? ConsumptionStopsOnDay { get; init; }
    public OrderAmounts OrderAmount { get; init; } = new();
    public EarlySellers EarlySellers { get; init; } = new();
    public IReadOnlyList<SellOff> SellOffs { get; init; } = [];
    public IReadOnlyList<SubsidyRound> Subsidies { get; init; } = [];
    public StoreNetwork Stores { get; init; } = new();
    public Referrals Referrals { get; init; } = new();

    /// <summary>The engine's rates; in JSON the "config" object with docs/CONFIGURATION.md's keys.</summary>
    [JsonIgnore]
    public EngineConfig Engine { get; init; } = EngineConfig.Default;
}

/// <summary>A text shown in both languages, Chinese first.</summary>
public sealed record Bilingual(string Zh, string En);

public enum GrowthShape
{
    /// <summary>The same number of new members every day.</summary>
    Constant,
    /// <summary>Few at first, then more every day.</summary>
    Accelerating,
    /// <summary>An S-curve: slow start, fast middle, saturation.</summary>
    Logistic,
}

/// <summary>
/// New members: <see cref="Members"/> arrive over <see cref="ArrivalDays"/> days (null = the whole
/// horizon) along <see cref="Shape"/>; from <see cref="StopsOnDay"/> on nobody new arrives, so fewer may come.
/// </summary>
public sealed record Growth
{
    public int Members { get; init; } = 10_000;
    public GrowthShape Shape { get; init; } = GrowthShape.Logistic;
    public int? ArrivalDays { get; init; }
    public int? StopsOnDay { get; init; }
}

/// <summary>Order amounts: log-normal around <see cref="MedianYuan"/> (spread = σ of the log), cut to [min, max], in fen.</summary>
public sealed record OrderAmounts
{
    public double MedianYuan { get; init; } = 80;
    public double Spread { get; init; } = 0.8;
    public double MinYuan { get; init; } = 5;
    public double MaxYuan { get; init; } = 5_000;
}

/// <summary>A <see cref="Share"/> of members sell all their points <see cref="AfterDays"/> days after they arrive.</summary>
public sealed record EarlySellers
{
    public double Share { get; init; }
    public int AfterDays { get; init; } = 14;
}

/// <summary>At the end of <see cref="Day"/>, each member who has arrived sells all points with probability <see cref="Share"/>.</summary>
public sealed record SellOff(int Day, double Share);

/// <summary>A financing round (融资补贴) put into the pool at the start of <see cref="Day"/>.</summary>
public sealed record SubsidyRound(int Day, decimal AmountYuan, string Source);

/// <summary>
/// Partner stores spread over provinces × cities × districts. A <see cref="RecruitedShare"/> of stores was
/// brought by an earlier store's owner (招商); with <see cref="Agents"/>, every region has a paying agent.
/// </summary>
public sealed record StoreNetwork
{
    public int Count { get; init; } = 40;
    public int Provinces { get; init; } = 2;
    public int CitiesPerProvince { get; init; } = 2;
    public int DistrictsPerCity { get; init; } = 2;
    public double RecruitedShare { get; init; } = 0.5;
    public bool Agents { get; init; } = true;
}

/// <summary>
/// How new members are bound (MODEL.md §3): a <see cref="StoreQrShare"/> through the QR code of the store of
/// their first order (to its owner), a <see cref="MemberLinkShare"/> through an earlier member's share link;
/// the rest are nobody's downline. Member links grow the referral tree.
/// </summary>
public sealed record Referrals
{
    public double StoreQrShare { get; init; } = 0.3;
    public double MemberLinkShare { get; init; } = 0.4;
}
