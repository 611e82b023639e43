using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

public class ShoppingPointsTests
{
    private static CommandResult Redeem(ValuePoolEngine engine, string member, decimal yuan, decimal points) =>
        engine.Apply(new BuyWithShoppingPoints(member, Money.FromYuan(yuan), ShoppingPoints.FromValue(points), At(Day)));

    [Fact]
    public void AStoreGrantsThreeTimesTheAmount()
    {
        var engine = EngineWithStore();
        engine.BuyAt("u1", 10_000m, Day);
        Assert.Equal("30000.00", engine.Member("u1").ShoppingPoints.ToString());
    }

    [Fact]
    public void Redeeming30000Points_PaysTheStore3000_TheSeedVector()
    {
        var engine = EngineWithStore();
        engine.BuyAt("u1", 10_000m, Day);
        var balanceAfterSales = engine.Store().Balance;
        // 30,000 points may pay 70% of a ¥42,857.15 product.
        Assert.Equal(CommandResult.Ok, Redeem(engine, "u1", 42_857.15m, 30_000m));
        Assert.Equal("3000.00", (engine.Store().Balance - balanceAfterSales).ToString());
        Assert.Equal("0.00", engine.Member("u1").ShoppingPoints.ToString());
    }

    [Fact]
    public void APurchase_SplitsItsMarginBetweenStoreReferrerAndPlatform()
    {
        var engine = EngineWithStore();
        engine.Refer("u1", "r1");
        engine.BuyAt("u1", 100m, Day); // 300 shopping points; r1 earns ¥0.30 direct reward
        var platformBefore = engine.PlatformRevenue;
        Assert.Equal(CommandResult.Ok, Redeem(engine, "u1", 100m, 70m));
        Assert.Equal("5.30", engine.Member("r1").Cash.ToString()); // 0.30 + 5% of 100
        // margin 20.00 − store rebate 7.00 − referrer 5.00 = 8.00
        Assert.Equal("8.00", (engine.PlatformRevenue - platformBefore).ToString());
        Assert.Equal("230.00", engine.Member("u1").ShoppingPoints.ToString());
        Assert.Equal(0, engine.Ledger.Total(Asset.Money));
        Assert.Equal(0, engine.Ledger.Total(Asset.ShoppingPoints));
    }

    [Fact]
    public void OldestLotsAreTakenFirst_EachStoreGettingItsRebate()
    {
        var engine = EngineWithStore();
        engine.OpenStore("s2", "owner2");
        engine.BuyAt("u1", 10m, Day, "s2");           // 30 points of s2, older
        engine.BuyAt("u1", 10m, Day.AddDays(1), "s1"); // 30 points of s1
        var s1Before = engine.Store("s1").Balance;
        var s2Before = engine.Store("s2").Balance;
        Redeem(engine, "u1", 100m, 40m);                // 30 from s2, 10 from s1
        Assert.Equal("3.00", (engine.Store("s2").Balance - s2Before).ToString());
        Assert.Equal("1.00", (engine.Store("s1").Balance - s1Before).ToString());
    }

    [Fact]
    public void MoreThan70Percent_OrMoreThanHeld_IsRefused()
    {
        var engine = EngineWithStore();
        engine.BuyAt("u1", 10m, Day);
        Assert.Equal(CommandResult.ShoppingPointsAboveLimit, Redeem(engine, "u1", 10m, 7.01m));
        Assert.Equal(CommandResult.InsufficientShoppingPoints, Redeem(engine, "u1", 100m, 30.01m));
        Assert.Equal(CommandResult.InsufficientShoppingPoints, Redeem(engine, "stranger", 100m, 1m));
        Assert.Equal("30.00", engine.Member("u1").ShoppingPoints.ToString());
        Assert.Null(engine.FindMember("stranger"));
        Assert.Equal(1, engine.Orders);
    }

    [Fact]
    public void APurchase_MintsNoAppreciationPoints_ButCountsAsAnOrder()
    {
        var engine = EngineWithStore();
        Assert.Equal(CommandResult.Ok, Redeem(engine, "u1", 100m, 0m));
        Assert.Equal(Points.Zero, engine.CirculatingPoints);
        Assert.Equal(1, engine.Orders);
    }

    [Fact]
    public void Lots_ExpireAfterTheConfiguredDays_AndTheMemberSeesWhen()
    {
        var engine = EngineWithStore(config: EngineConfig.Default with { ShoppingPointsExpiryDays = 30 });
        engine.BuyAt("u1", 10m, Day);
        engine.BuyAt("u1", 20m, Day.AddDays(5));
        Assert.Equal(new ShoppingPointsExpiry(ShoppingPoints.FromValue(30m), Day.AddDays(30)), engine.NextShoppingPointsExpiry("u1"));

        engine.Apply(new ExpireShoppingPoints(Day.AddDays(29), At(Day.AddDays(29))));
        Assert.Equal("90.00", engine.Member("u1").ShoppingPoints.ToString());
        engine.Apply(new ExpireShoppingPoints(Day.AddDays(30), At(Day.AddDays(30))));
        Assert.Equal("60.00", engine.Member("u1").ShoppingPoints.ToString());
        Assert.Equal(Day.AddDays(35), engine.NextShoppingPointsExpiry("u1")!.ExpiresOn);
        Assert.Equal(0, engine.Ledger.Total(Asset.ShoppingPoints));
    }

    [Fact]
    public void ByDefault_ShoppingPointsNeverExpire()
    {
        var engine = EngineWithStore();
        engine.BuyAt("u1", 10m, Day);
        engine.Apply(new ExpireShoppingPoints(Day.AddDays(10_000), At(Day.AddDays(10_000))));
        Assert.Equal("30.00", engine.Member("u1").ShoppingPoints.ToString());
        Assert.Null(engine.NextShoppingPointsExpiry("u1"));
    }
}
