using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Engine;

public class BindingTests
{
    [Fact]
    public void FirstBindingWins()
    {
        var engine = new ValuePoolEngine();
        Assert.Equal(CommandResult.Ok, engine.Refer("u1", "a"));
        Assert.Equal(CommandResult.BindingIgnored, engine.Refer("u1", "b"));
        Assert.Equal("a", engine.Member("u1").Referrer);
    }

    [Fact]
    public void BindingToOneself_IsIgnored()
    {
        var engine = new ValuePoolEngine();
        Assert.Equal(CommandResult.BindingIgnored, engine.Refer("u1", "u1"));
        Assert.Null(engine.Member("u1").Referrer);
    }

    [Fact]
    public void BindingThatClosesACycle_IsIgnored()
    {
        var engine = new ValuePoolEngine();
        engine.Refer("b", "a");
        engine.Refer("c", "b");
        Assert.Equal(CommandResult.BindingIgnored, engine.Refer("a", "c"));
        Assert.Null(engine.Member("a").Referrer);
    }

    [Fact]
    public void LapsingBinding_StopsPayingAndCanBeReplaced_AfterItsDays()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { Binding = BindingPolicy.Lapsing, BindingLapseDays = 30 });
        engine.Refer("u1", "a", Orders.Day1);
        Assert.Equal(CommandResult.BindingIgnored, engine.Refer("u1", "b", Orders.Day1.AddDays(29)));
        engine.Buy("u1", 1000m, at: Orders.Day1.AddDays(29));
        Assert.Equal("3.00", engine.Member("a").Cash.ToString());
        engine.Buy("u1", 1000m, at: Orders.Day1.AddDays(30));
        Assert.Equal("3.00", engine.Member("a").Cash.ToString()); // lapsed: nothing more
        Assert.Equal(CommandResult.Ok, engine.Refer("u1", "b", Orders.Day1.AddDays(31)));
        engine.Buy("u1", 1000m, at: Orders.Day1.AddDays(31));
        Assert.Equal("3.00", engine.Member("b").Cash.ToString());
    }

    [Fact]
    public void LatestLinkWins_WhenConfigured()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { Binding = BindingPolicy.LatestWins });
        engine.Refer("u1", "a");
        Assert.Equal(CommandResult.Ok, engine.Refer("u1", "b"));
        engine.Buy("u1", 1000m);
        Assert.Equal("0.00", engine.Member("a").Cash.ToString());
        Assert.Equal("3.00", engine.Member("b").Cash.ToString());
    }

    [Fact]
    public void LatestLinkWins_StillRefusesCycles()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { Binding = BindingPolicy.LatestWins });
        engine.Refer("b", "a");
        Assert.Equal(CommandResult.BindingIgnored, engine.Refer("a", "b"));
    }
}

public class ReferralTreeTests
{
    [Fact]
    public void TheReport_CountsLevels_AndMembersThreeOrMoreDown()
    {
        var engine = new ValuePoolEngine();
        engine.Refer("b", "a");
        engine.Refer("c", "b");
        engine.Refer("d", "c");
        engine.Refer("e", "d");
        engine.Refer("x", "a");
        var tree = engine.ReferralTree();
        Assert.Equal(6, tree.Members);
        Assert.Equal(5, tree.BoundMembers);
        Assert.Equal(4, tree.MaxDepth);
        Assert.Equal([1, 2, 1, 1, 1], tree.MembersByDepth);
        Assert.Equal(2, tree.MembersAtDepthThreeOrMore);
    }
}
