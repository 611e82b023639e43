using System.Text.Json;
using CsCheck;
using ValuePool.Core.Replay;

namespace ValuePool.Core.Tests.Reference;

/// <summary>
/// docs/REPLAY.md's contract against an independent exact implementation: the replay's output (pool, points,
/// price, platform revenue, orders, every member's points, cash, consumption, exits and shopping points, every
/// store's revenue and balance) equals <see cref="ReferenceModel"/>'s, on random event files and on long runs.
/// </summary>
public class ReplayAgreesWithReference
{
    [Fact]
    public void OnRandomEventFiles()
    {
        long exits = 0;
        Gen.Select(Gen.Int, Gen.Int[1, 40], Gen.Int[1, 250]).Sample((seed, memberIds, events) =>
        {
            var file = new RandomEventFile(seed, memberIds);
            for (var i = 0; i < events; i++) file.AddRandomEvent();
            AssertAgree(file);
            Interlocked.Add(ref exits, file.Model.ForcedExits);
        }, iter: 300);
        Assert.True(exits > 300, $"only {exits} forced exits in 300 files"); // the files exercise the exit rule, not only orders
    }

    [Fact]
    public void OnRandomEventFiles_WithTheModesOn()
    {
        long offlineFen = 0;
        Gen.Select(Gen.Int, Gen.Int[1, 30], Gen.Int[1, 250]).Sample((seed, memberIds, events) =>
        {
            var file = new RandomEventFile(seed, memberIds, withModes: true);
            for (var i = 0; i < events; i++) file.AddRandomEvent();
            AssertAgree(file);
            Interlocked.Add(ref offlineFen, (long)file.Model.People.Values.Aggregate(System.Numerics.BigInteger.Zero, (sum, p) => sum + p.OfflineFen));
        }, iter: 200);
        Assert.True(offlineFen > 0, "no offline amounts in 200 files: the files should reach the levels");
    }

    [Fact]
    public void OnALongRun_CrossingTheFirstExits()
    {
        var file = new RandomEventFile(seed: 20261124, memberIds: 400);
        while (file.Model.Orders < 1_500) file.AddRandomEvent();
        Assert.True(file.Model.ForcedExits > 10, $"{file.Model.ForcedExits} forced exits: the run should cross the first exits");
        AssertAgree(file);
    }

    [Fact]
    public void OnTheSeedsThousandYuanOrders_TheFirstExitIsOnOrder1137_Paying960_22()
    {
        var model = new ReferenceModel();
        for (var order = 1; order <= 1137; order++)
        {
            model.Consume($"m{order:D5}", null, 100_000);
            Assert.Equal(order == 1137 ? 1 : 0, model.People["m00001"].Exits);
        }
        Assert.Equal(96_022, model.People["m00001"].CashFen);
        Assert.Equal(("180959.78", "16863.2097", "10.7310"),
            (ReferenceModel.Decimals(model.PoolFen, 2), ReferenceModel.Decimals(model.PointsUnits, 4), model.PriceText()));
    }

    private static void AssertAgree(RandomEventFile file)
    {
        var engine = ReplayRunner.Run(new StringReader(file.Text), out var error);
        Assert.True(error is null, $"{error}\n{file.Text}");
        Assert.Equal(Expected(file.Model), Flatten(JsonDocument.Parse(StateJson.Write(engine!)).RootElement));
    }

    /// <summary>The reference's figures under the output's key paths, formatted from its own integers.</summary>
    private static List<string> Expected(ReferenceModel model)
    {
        var lines = new List<string>
        {
            $"pool={ReferenceModel.Decimals(model.PoolFen, 2)}",
            $"points={ReferenceModel.Decimals(model.PointsUnits, 4)}",
            $"price={model.PriceText()}",
            $"platformRevenue={ReferenceModel.Decimals(model.PlatformRevenueFen, 2)}",
            $"orders={model.Orders}",
        };
        foreach (var (id, p) in model.People)
        {
            lines.AddRange([$"members.{id}.points={ReferenceModel.Decimals(p.Units, 4)}", $"members.{id}.cash={ReferenceModel.Decimals(p.CashFen, 2)}",
                $"members.{id}.consumed={ReferenceModel.Decimals(p.ConsumedFen, 2)}", $"members.{id}.exits={p.Exits}",
                $"members.{id}.shoppingPoints={ReferenceModel.Decimals(p.ShoppingFen, 2)}"]);
            if (model.HasLevels)
                lines.AddRange([$"members.{id}.level={(p.Level < 0 ? "" : ReferenceModel.LevelNames[p.Level])}", $"members.{id}.offline={ReferenceModel.Decimals(p.OfflineFen, 2)}"]);
        }
        foreach (var (id, s) in model.Shops)
            lines.AddRange([$"stores.{id}.revenue={ReferenceModel.Decimals(s.RevenueFen, 2)}", $"stores.{id}.balance={ReferenceModel.Decimals(s.BalanceFen, 2)}"]);
        return lines;
    }

    private static List<string> Flatten(JsonElement element, string prefix = "")
    {
        var lines = new List<string>();
        foreach (var property in element.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.Object) lines.AddRange(Flatten(property.Value, $"{prefix}{property.Name}."));
            else lines.Add($"{prefix}{property.Name}={(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText())}");
        return lines;
    }
}
