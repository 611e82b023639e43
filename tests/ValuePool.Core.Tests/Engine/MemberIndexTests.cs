using ValuePool.Core.Engine;
using ValuePool.Core.Tests.Stores;

namespace ValuePool.Core.Tests.Engine;

/// <summary>An order's buyer resolved to the engine's index at the edge: trusted only when it names the same member.</summary>
public class MemberIndexTests
{
    [Fact]
    public void AResolvedIndex_BooksTheOrderAsTheIdWould()
    {
        var byId = new ValuePoolEngine();
        var resolved = new ValuePoolEngine();
        foreach (var engine in new[] { byId, resolved }) { engine.Buy("u1", 100m); engine.Buy("u2", 100m); }
        byId.Apply(new Consume("u2", null, Orders.Yuan(500m), Orders.Day1));
        var index = resolved.MemberIndexOf("u2")!.Value;
        resolved.Apply(new Consume(resolved.MemberIdAt(index), null, Orders.Yuan(500m), Orders.Day1) { MemberIndex = index });
        Assert.Equal(byId.StateDigest(), resolved.StateDigest());
    }

    [Fact]
    public void AnIndexWithAnotherCopyOfTheId_IsLookedUp_AndBooksTheSame()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 100m);
        var copy = new string("u1".AsSpan());
        Assert.Equal(CommandResult.Ok, engine.Apply(new Consume(copy, null, Orders.Yuan(500m), Orders.Day1) { MemberIndex = 0 }));
        Assert.Equal(Orders.Yuan(600m), engine.Member("u1").Consumed);
    }

    [Theory]
    [InlineData(0)]      // another member's index
    [InlineData(-1)]     // unresolved
    [InlineData(99)]     // beyond the members
    [InlineData(int.MaxValue)]
    public void AWrongOrStaleIndex_IsIgnored_TheIdDecides(int index)
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 100m);
        engine.Buy("u2", 100m);
        Assert.Equal(CommandResult.Ok, engine.Apply(new Consume("u2", null, Orders.Yuan(500m), Orders.Day1) { MemberIndex = index }));
        Assert.Equal(Orders.Yuan(100m), engine.Member("u1").Consumed);
        Assert.Equal(Orders.Yuan(600m), engine.Member("u2").Consumed);
    }

    [Fact]
    public void ANewMember_WithAnIndexThatIsSomeoneElses_IsStillAddedAsThemselves()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 100m);
        engine.Apply(new Consume("new", null, Orders.Yuan(500m), Orders.Day1) { MemberIndex = 0 });
        Assert.Equal(Orders.Yuan(100m), engine.Member("u1").Consumed);
        Assert.Equal(Orders.Yuan(500m), engine.Member("new").Consumed);
    }
}
