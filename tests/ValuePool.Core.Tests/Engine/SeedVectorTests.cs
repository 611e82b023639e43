using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests.Engine;

/// <summary>docs/MODEL.md's seed vectors, to the fen and the ten-thousandth of a point.</summary>
public class SeedVectorTests
{
    [Fact]
    public void ThreeThousandYuanOrders_MintAndPriceAsTheSeed()
    {
        var engine = new ValuePoolEngine();
        string[] minted = ["112.0000", "78.4000", "66.6400"];
        string[] pool = ["160.00", "320.00", "480.00"];
        string[] points = ["112.0000", "190.4000", "257.0400"];
        string[] price = ["1.4286", "1.6807", "1.8674"];
        string[] seedsOwnPrice = ["1.43", "1.68", "1.87"];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CommandResult.Ok, engine.Buy($"u{i + 1}", 1000m));
            Assert.Equal(minted[i], engine.Member($"u{i + 1}").Points.ToString());
            Assert.Equal(pool[i], engine.Pool.ToString());
            Assert.Equal(points[i], engine.CirculatingPoints.ToString());
            Assert.Equal(price[i], engine.Price.ToString());
            Assert.Equal(seedsOwnPrice[i], engine.Price.Rounded(2).ToString("0.00"));
            Assert.Equal((engine.Pool.Fen, engine.CirculatingPoints.Units), (engine.Price.PoolFen, engine.Price.PointsUnits));
        }
    }

    [Fact]
    public void FirstForcedExit_HappensOnOrder1137_Paying960_22()
    {
        var engine = new ValuePoolEngine();
        for (var order = 1; order <= 1136; order++)
        {
            engine.Buy($"m{order:D5}", 1000m);
            Assert.Equal(0, engine.Member("m00001").Exits);
        }
        Assert.Equal(("181760.00", "16964.7561"), (engine.Pool.ToString(), engine.CirculatingPoints.ToString()));
        engine.Buy("m01137", 1000m);
        var first = engine.Member("m00001");
        Assert.Equal(1, first.Exits);
        Assert.Equal("960.22", first.Cash.ToString());
        Assert.Equal(Points.Zero, first.Points);
        Assert.Equal(0, engine.Member("m00002").Exits);
        Assert.Equal(("180959.78", "16863.2097", "10.7310"), (engine.Pool.ToString(), engine.CirculatingPoints.ToString(), engine.Price.ToString()));
    }

    [Fact]
    public void SellingPointsWorth1200_Pays960_And240StaysInThePool()
    {
        var engine = new ValuePoolEngine(EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) });
        engine.Buy("u1", 1000m);
        engine.Apply(new Subsidy(Orders.Yuan(1040m), "A round", Orders.Day1)); // pool 1200 for 112 points: they are worth ¥1200
        Assert.Equal(CommandResult.Ok, engine.SellPoints("u1", 112m));
        Assert.Equal("960.00", engine.Member("u1").Cash.ToString());
        Assert.Equal("240.00", engine.Pool.ToString());
    }

    [Fact]
    public void PointsWorth1200_ForceTheExitAt1_2x_Paying960()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        engine.Apply(new Subsidy(Orders.Yuan(1040m), "A round", Orders.Day1));
        var member = engine.Member("u1");
        Assert.Equal(1, member.Exits);
        Assert.Equal("960.00", member.Cash.ToString());
    }
}
