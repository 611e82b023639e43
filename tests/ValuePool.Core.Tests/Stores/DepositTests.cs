using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using static ValuePool.Core.Tests.Stores.StoreFixture;

namespace ValuePool.Core.Tests.Stores;

/// <summary>MODEL.md §8: an offline till sale's commission comes out of the store's prepaid deposit.</summary>
public class DepositTests
{
    private static CommandResult TillSale(ValuePoolEngine engine, string member, decimal yuan) =>
        engine.Apply(new Consume(member, "s1", Money.FromYuan(yuan), At(Day)) { Payment = OrderPayment.OfflineTill });

    [Fact]
    public void ATillSale_WithoutDeposit_IsRefused_AndChangesNothing()
    {
        var engine = EngineWithStore();
        var before = engine.StateDigest();
        Assert.Equal(CommandResult.InsufficientDeposit, TillSale(engine, "u1", 100_000m));
        Assert.Equal(before, engine.StateDigest());
        Assert.Null(engine.FindMember("u1"));
    }

    [Fact]
    public void ATillSale_TakesItsCommissionFromTheDeposit_AndMintsAsAnOnlineOrderWould()
    {
        var online = EngineWithStore();
        online.BuyAt("u1", 1_000m, Day);

        var till = EngineWithStore();
        Assert.Equal(CommandResult.Ok, till.Apply(new TopUpDeposit("s1", Money.FromYuan(500m), At(Day))));
        Assert.Equal(CommandResult.Ok, TillSale(till, "u1", 1_000m));

        Assert.Equal("300.00", till.Store().Deposit.ToString()); // 20% of ¥1000 taken
        Assert.Equal(online.Pool, till.Pool);
        Assert.Equal(online.Member("u1").Points, till.Member("u1").Points);
        Assert.Equal(online.Member("u1").ShoppingPoints, till.Member("u1").ShoppingPoints);
        Assert.Equal(online.PlatformRevenue, till.PlatformRevenue);
        // The customer paid the merchant: the platform holds none of the ¥800, so the store is credited nothing.
        Assert.Equal("0.00", till.Store().Balance.ToString());
        Assert.Equal("1000.00", till.Store().Revenue.ToString());
        Assert.True(Solvency.Of(till.Ledger).Holds);
    }

    [Fact]
    public void ADepositThatCoversLessThanTheCommission_RefusesTheSale()
    {
        var engine = EngineWithStore();
        engine.Apply(new TopUpDeposit("s1", Money.FromYuan(199.99m), At(Day)));
        Assert.Equal(CommandResult.InsufficientDeposit, TillSale(engine, "u1", 1_000m));
        Assert.Equal(CommandResult.Ok, TillSale(engine, "u1", 999.95m)); // commission 199.99
        Assert.Equal("0.00", engine.Store().Deposit.ToString());
    }

    [Fact]
    public void ATopUp_NeedsAKnownStoreAndAnAmountWithinBounds()
    {
        var engine = EngineWithStore();
        Assert.Equal(CommandResult.UnknownStore, engine.Apply(new TopUpDeposit("nope", Money.FromYuan(1m), At(Day))));
        Assert.Equal(CommandResult.AmountNotPositive, engine.Apply(new TopUpDeposit("s1", Money.Zero, At(Day))));
        Assert.Equal(CommandResult.AmountAboveMaximum, engine.Apply(new TopUpDeposit("s1", Money.FromYuan(1_000_000.01m), At(Day))));
    }

    [Fact]
    public void ATillSaleToTheMerchantsOwnAccount_IsPaidForFromTheirDeposit()
    {
        // The attack of issue 10: a merchant rang up ¥100,000 for themselves and sold the points for cash nobody paid in.
        var engine = EngineWithStore();
        Assert.Equal(CommandResult.InsufficientDeposit, TillSale(engine, "owner", 100_000m));
        engine.Apply(new TopUpDeposit("s1", Money.FromYuan(20_000m), At(Day)));
        Assert.Equal(CommandResult.Ok, TillSale(engine, "owner", 100_000m));
        engine.SellPoints("owner", engine.Member("owner").Points.Value);
        var solvency = Solvency.Of(engine.Ledger);
        Assert.True(solvency.Holds, solvency.ToString());
        Assert.True(engine.Member("owner").Cash < Money.FromYuan(20_000m), "the points are worth less than the commission paid for them");
    }
}
