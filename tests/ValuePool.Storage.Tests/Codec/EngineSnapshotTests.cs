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
}
