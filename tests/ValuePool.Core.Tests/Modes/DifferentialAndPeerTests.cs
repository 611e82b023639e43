using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using static ValuePool.Core.Tests.Modes.ModeFixture;

namespace ValuePool.Core.Tests.Modes;

/// <summary>MODEL.md §3b's multi-level differential and peer reward on hand-worked chains; a ¥10,000 platform product unless said.</summary>
public class DifferentialAndPeerTests
{
    [Fact]
    public void AMissingLevelInTheMiddle_LeavesItsShareToTheNextOneUp()
    {
        // u → a (V1) → b (none) → c (V3): a 0.1% = ¥10, b nothing, c 0.4% − 0.1% = ¥30.
        var engine = Chain(WithModes(peer: ModeSettlement.Off), ("u", ""), ("a", "V1"), ("b", ""), ("c", "V3"));
        var cashBefore = (engine.Member("a").Cash, engine.Member("c").Cash);
        engine.Buy("u", 10_000m);
        Assert.Equal(["a:Differential:10.00", "c:Differential:30.00"], engine.ModeRewards());
        Assert.Equal(cashBefore.Item1 + Money.FromYuan(30 + 10), engine.Member("a").Cash); // ¥30 direct reward (0.3%) + ¥10
        Assert.Equal(cashBefore.Item2 + Money.FromYuan(30), engine.Member("c").Cash);
    }

    [Fact]
    public void APeerTwoLevelsUp_GetsTenPercentOfTheDifferential()
    {
        // u → a (V2) → b (V1) → c (V2) → d (V3): a ¥20, d 0.4% − 0.2% = ¥20; c is a's nearest same-level upline: 10% of ¥20.
        var engine = Chain(WithModes(), ("u", ""), ("a", "V2"), ("b", "V1"), ("c", "V2"), ("d", "V3"));
        engine.Buy("u", 10_000m);
        Assert.Equal(["a:Differential:20.00", "d:Differential:20.00", "c:Peer:2.00"], engine.ModeRewards());
        Assert.Equal([TransferKind.DifferentialReward, TransferKind.DifferentialReward, TransferKind.PeerReward],
            engine.Outcome.Credits.Where(c => c.Kind is TransferKind.DifferentialReward or TransferKind.PeerReward).Select(c => c.Kind));
    }

    [Fact]
    public void TheWalk_StopsAtTheTopRate_AndUsesTheLevelsBeforeTheOrder()
    {
        // u → a (V3) → b (V3): a takes the whole 0.4%; b has no differential but is a's peer.
        var engine = Chain(WithModes(), ("u", ""), ("a", "V3"), ("b", "V3"));
        engine.Buy("u", 10_000m);
        Assert.Equal(["a:Differential:40.00", "b:Peer:4.00"], engine.ModeRewards());

        // v → w (none): v's ¥1,000 order lifts w to V1 only after it, so w earns nothing on it, and ¥1 on the next.
        engine.Refer("v", "w");
        engine.Buy("v", 1_000m);
        Assert.Empty(engine.ModeRewards());
        Assert.Equal("V1", engine.Member("w").Level);
        engine.Buy("v", 1_000m);
        Assert.Equal(["w:Differential:1.00"], engine.ModeRewards());
    }

    [Fact]
    public void DepthMax_BoundsTheWalk_ButNotTheTeamSpend()
    {
        // u → a → b → c (V1): with depthMax 2, c is out of reach; with 3 it earns.
        foreach (var (depthMax, expected) in new[] { (2, Array.Empty<string>()), (3, ["c:Differential:10.00"]) })
        {
            var engine = Chain(WithModes(depthMax: depthMax), ("u", ""), ("a", ""), ("b", ""), ("c", "V1"));
            engine.Buy("u", 10_000m);
            Assert.Equal(expected, engine.ModeRewards());
            Assert.Equal(Money.FromYuan(11_000), engine.Member("c").TeamSpend);
        }
    }

    [Fact]
    public void OfflineSettlement_MovesNothing_AndAddsToTheOfflineTotal()
    {
        var wallet = Chain(EngineConfig.Default with { Levels = ThreeLevels }, ("u", ""), ("a", "V2"), ("b", "V2"));
        var offline = Chain(WithModes(ModeSettlement.Offline, ModeSettlement.Offline), ("u", ""), ("a", "V2"), ("b", "V2"));
        wallet.Buy("u", 10_000m);
        offline.Buy("u", 10_000m);
        Assert.Equal(["a:Differential:20.00", "b:Peer:2.00"], offline.ModeRewards());
        Assert.All(offline.Outcome.ModeRewards, r => Assert.Equal(ModeSettlement.Offline, r.Settlement));
        Assert.Equal(wallet.Outcome.Transfers, offline.Outcome.Transfers);
        Assert.Equal((Money.FromYuan(20), Money.FromYuan(2)), (offline.Member("a").Offline, offline.Member("b").Offline));
        Assert.Equal(wallet.Member("a").Cash, offline.Member("a").Cash);
    }

    [Fact]
    public void WalletRewards_ComeOutOfTheBudget_SpentToTheFen()
    {
        // A budget of exactly the largest payout: 0.5% referral + 0.5% recruiter + 0.3% agent + 0.4% top + 10% of it = 1.74%.
        var config = WithModes() with
        {
            DistributionBudget = Rate.Percent(1.74m), PlatformProfit = Rate.Percent(2.26m),
        };
        Assert.Empty(ConfigValidation.Problems(config));
        Assert.Contains(ConfigValidation.Problems(config with { DistributionBudget = Rate.Percent(1.73m), PlatformProfit = Rate.Percent(2.27m) }),
            p => p.Contains("distribution budget"));
        var engine = Chain(config, ("u", ""), ("a", "V3"), ("b", "V3"));
        engine.OpenStore("s1", "owner", "p1");
        engine.Apply(new AppointAgent("ag", AgentLevel.Province, new Region(["gd"]), Orders.Day1));
        engine.Buy("u", 10_000m, "s1");
        var order = Assert.Single(engine.Outcome.Orders);
        Assert.Equal(Money.FromYuan(174), order.Rewards); // 30 + 20 + 50 + 30 + 40 + 4: the whole budget
        Assert.Equal(Money.FromYuan(10_000).Share(Rate.Percent(1.74m)), order.Rewards);
    }

    [Fact]
    public void WithoutLevels_TheEngineKeepsNoModeState()
    {
        var engine = new ValuePoolEngine();
        engine.Refer("u", "a");
        engine.Buy("u", 10_000m);
        Assert.Null(engine.Member("a").Level);
        Assert.Empty(engine.Outcome.ModeRewards);
    }
}
