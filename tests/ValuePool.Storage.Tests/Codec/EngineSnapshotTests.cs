using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Replay;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Tests.Codec;

public sealed class EngineSnapshotTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ARestoredEngine_ContinuesExactlyLikeTheOriginal(int shoppingPointsExpiryDays)
    {
        var commands = Workload.Commands(900, seed: 11);
        var original = new ValuePoolEngine(EngineConfig.Default with { ShoppingPointsExpiryDays = shoppingPointsExpiryDays });
        foreach (var command in commands.Take(450)) original.Apply(command);
        var restored = EngineSnapshot.Restore(EngineSnapshot.Take(original, JournalHead.Empty).State);

        foreach (var command in commands.Skip(450))
        {
            Assert.Equal(original.Apply(command), restored.Apply(command));
            Assert.Equal(original.Ledger.CurrentTransaction, restored.Ledger.CurrentTransaction);
        }
        Assert.Equal(StateJson.Write(original), StateJson.Write(restored));
        Assert.Equal(EngineSnapshot.StateOf(original), EngineSnapshot.StateOf(restored));
    }

    [Fact]
    public void ForcedExits_SurviveASnapshot()
    {
        var original = new ValuePoolEngine();
        var restored = original;
        for (var i = 1; i <= 1200; i++)
        {
            var order = new Consume($"m{i}", null, ValuePool.Core.Amounts.Money.FromYuan(1000), Workload.Start);
            original.Apply(order);
            if (i == 1000) restored = EngineSnapshot.Restore(EngineSnapshot.StateOf(original));
            if (i > 1000) restored.Apply(order);
        }
        Assert.Equal(1, restored.FindMember("m1")!.Exits);
        Assert.Equal(StateJson.Write(original), StateJson.Write(restored));
    }

    [Fact]
    public void ThePriceFraction_SurvivesASnapshot_WhileNoPointsCirculate()
    {
        var original = new ValuePoolEngine(EngineConfig.Default with { ExitMultiple = ValuePool.Core.Amounts.Rate.FromDecimal(2m) });
        original.Apply(new Consume("u1", null, ValuePool.Core.Amounts.Money.FromYuan(1000), Workload.Start));
        original.Apply(new Sell("u1", ValuePool.Core.Amounts.Points.FromValue(112m), Workload.Start));
        var restored = EngineSnapshot.Restore(EngineSnapshot.StateOf(original));

        // No points: the price is the last fraction, ¥160.00 per 112 points, which pool / points cannot give back.
        Assert.Equal("16000/1120000", restored.Price.ToFractionString());
        var order = new Consume("u2", null, ValuePool.Core.Amounts.Money.FromYuan(1000), Workload.Start);
        original.Apply(order);
        restored.Apply(order);
        Assert.Equal("78.4000", restored.FindMember("u2")!.Points.ToString());
        Assert.Equal(StateJson.Write(original), StateJson.Write(restored));
    }
}
