using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Tests.Engine;

/// <summary>What a command did, read as typed events rather than decoded from its transfers.</summary>
public class CommandOutcomeTests
{
    [Fact]
    public void AnOrder_BooksItsSplit_MintsItsPoints_AndCreditsEachRewardWithItsKind()
    {
        var engine = new ValuePoolEngine();
        engine.OpenStore("s1", "owner", "recruiter");
        engine.Refer("u1", "p1");
        var outcome = engine.Execute(new Consume("u1", "s1", Orders.Yuan(1000m), Orders.Day1));

        Assert.Equal(CommandResult.Ok, outcome.Result);
        var order = Assert.Single(outcome.Orders);
        Assert.Equal((Orders.Yuan(1000m), Orders.Yuan(800m), Orders.Yuan(200m), Orders.Yuan(160m), Orders.Yuan(8m), Orders.Yuan(32m)),
            (order.Charged, order.Net, order.Commission, order.PoolContribution, order.Rewards, order.PlatformProfit));
        Assert.Equal(Orders.Pts(112m), Assert.Single(outcome.Mints).Points);
        Assert.Equal([("p1", TransferKind.ReferralReward, "3.00"), ("recruiter", TransferKind.RecruiterReward, "5.00")],
            outcome.Credits.Select(c => (engine.MemberIdAt(c.Member), c.Kind, c.Amount.ToString())));
        Assert.Same(engine.Ledger.CurrentTransaction, outcome.Transfers);
    }

    [Fact]
    public void ARefusal_HasNoEvents()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        var outcome = engine.Execute(new Sell("u1", Orders.Pts(1_000m), Orders.Day1));
        Assert.Equal(CommandResult.InsufficientPoints, outcome.Result);
        Assert.Empty(outcome.Sales);
        Assert.Empty(outcome.Transfers);
    }

    [Fact]
    public void TheFirstForcedExit_IsAnEvent_PayingMember1_960_22()
    {
        var engine = new ValuePoolEngine();
        for (var i = 1; i < 1137; i++)
        {
            engine.Buy($"m{i}", 1000m);
            Assert.Empty(engine.Outcome.Exits);
        }
        var outcome = engine.Execute(new Consume("m1137", null, Orders.Yuan(1000m), Orders.Day1));
        var exit = Assert.Single(outcome.Exits);
        Assert.Equal(("m1", Orders.Pts(112m), "960.22"), (engine.MemberIdAt(exit.Member), exit.Points, exit.Paid.ToString()));
    }

    [Fact]
    public void ASale_ReportsItsGrossAndWhatWasPaid()
    {
        var engine = new ValuePoolEngine();
        engine.Buy("u1", 1000m);
        engine.Buy("u2", 1000m);
        var price = engine.Price;
        var sale = Assert.Single(engine.Execute(new Sell("u1", Orders.Pts(100m), Orders.Day1)).Sales);
        Assert.Equal((price.ValueOf(Orders.Pts(100m)), price.ValueOf(Orders.Pts(100m), engine.Config.Payout)), (sale.Gross, sale.Paid));
    }
}
