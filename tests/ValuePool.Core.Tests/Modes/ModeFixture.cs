using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Modes;

/// <summary>
/// Small referral trees with chosen levels. A member's level is made by their own order placed before they are bound, so
/// it reaches nobody above them (team spend counts the uplines at the time of the order): any level can sit anywhere.
/// </summary>
internal static class ModeFixture
{
    /// <summary>V1 from ¥1,000 at 0.1%, V2 from ¥5,000 at 0.2%, V3 from ¥20,000 at 0.4%.</summary>
    public static readonly MemberLevel[] ThreeLevels =
    [
        new("V1", Money.FromYuan(1_000), Rate.Percent(0.1m)),
        new("V2", Money.FromYuan(5_000), Rate.Percent(0.2m)),
        new("V3", Money.FromYuan(20_000), Rate.Percent(0.4m)),
    ];

    public static EngineConfig WithModes(ModeSettlement differential = ModeSettlement.Wallet, ModeSettlement peer = ModeSettlement.Wallet,
        ModeSettlement dividend = ModeSettlement.Off, int depthMax = 20) =>
        EngineConfig.Default with { Levels = ThreeLevels, Differential = differential, Peer = peer, ShareholderDividend = dividend, DepthMax = depthMax };

    /// <summary>Gives each member the level named ("" = none) by an order of its threshold, then binds them into a chain, buyer first.</summary>
    public static ValuePoolEngine Chain(EngineConfig config, params (string Member, string Level)[] chain)
    {
        var engine = new ValuePoolEngine(config);
        foreach (var (member, level) in chain)
            if (config.Levels.FirstOrDefault(l => l.Name == level) is { } reached) Assert.Equal(CommandResult.Ok, engine.Buy(member, reached.TeamSpend.Yuan));
        for (var i = 0; i + 1 < chain.Length; i++) Assert.Equal(CommandResult.Ok, engine.Refer(chain[i].Member, chain[i + 1].Member));
        foreach (var (member, level) in chain) Assert.Equal(level, engine.Member(member).Level);
        return engine;
    }

    /// <summary>What the last command gave each member from the modes, by kind, as "member:kind:amount".</summary>
    public static string[] ModeRewards(this ValuePoolEngine engine) =>
        engine.Outcome.ModeRewards.Select(r => $"{engine.MemberIdAt(r.Member)}:{r.Kind}:{r.Amount}").ToArray();
}
