using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Tests.Engine;

public class WithdrawalTests
{
    /// <summary>A member with ¥960.00 of wallet cash from a forced exit.</summary>
    private static ValuePoolEngine WithCash(EngineConfig? config = null)
    {
        var engine = new ValuePoolEngine(config);
        engine.Buy("u1", 1000m);
        engine.Apply(new Subsidy(Orders.Yuan(1040m), "A round", Orders.Day1));
        Assert.Equal("960.00", engine.Member("u1").Cash.ToString());
        return engine;
    }

    private static CommandResult Request(ValuePoolEngine engine, string id, decimal yuan, string member = "u1") =>
        engine.Apply(new RequestWithdrawal(member, id, Orders.Yuan(yuan), Orders.Day1));

    private static CommandResult Review(ValuePoolEngine engine, string id, bool approve) =>
        engine.Apply(new ReviewWithdrawal(id, approve, Orders.Day1));

    [Fact]
    public void ARequest_HoldsTheCash_AndApprovalPaysItLessTheFee()
    {
        var engine = WithCash(EngineConfig.Default with { WithdrawalFee = Rate.Percent(0.6m) });
        Assert.Equal(CommandResult.Ok, Request(engine, "w1", 500m));
        Assert.Equal("460.00", engine.Member("u1").Cash.ToString());
        var revenue = engine.PlatformRevenue;
        Assert.Equal(CommandResult.Ok, Review(engine, "w1", approve: true));
        Assert.Equal(WithdrawalStatus.Paid, engine.FindWithdrawal("w1")!.Status);
        Assert.Equal("3.00", (engine.PlatformRevenue - revenue).ToString());
        Assert.Equal(0, engine.Ledger[new Account(AccountKind.PendingWithdrawals)]);
        Assert.Equal(49700, engine.Ledger[new Account(AccountKind.WithdrawalsPaid)]);
    }

    [Fact]
    public void AFailedTransfer_ReturnsTheWholeAmountAndTheFee_Once()
    {
        var engine = WithCash(EngineConfig.Default with { WithdrawalFee = Rate.Percent(0.6m) });
        var revenue = engine.PlatformRevenue;
        Assert.Equal(CommandResult.UnknownWithdrawal, engine.Apply(new ReturnFailedPayout("w1", Orders.Day1)));
        Request(engine, "w1", 500m);
        Assert.Equal(CommandResult.WithdrawalNotPaid, engine.Apply(new ReturnFailedPayout("w1", Orders.Day1)));
        Review(engine, "w1", approve: true);
        Assert.Equal(CommandResult.Ok, engine.Apply(new ReturnFailedPayout("w1", Orders.Day1)));
        Assert.Equal(WithdrawalStatus.Returned, engine.FindWithdrawal("w1")!.Status);
        Assert.Equal("960.00", engine.Member("u1").Cash.ToString());
        Assert.Equal(revenue, engine.PlatformRevenue);
        Assert.Equal(0, engine.Ledger[new Account(AccountKind.WithdrawalsPaid)]);
        Assert.Equal(CommandResult.WithdrawalNotPaid, engine.Apply(new ReturnFailedPayout("w1", Orders.Day1)));
        Assert.Equal("960.00", engine.Member("u1").Cash.ToString());
    }

    [Fact]
    public void ARejectedRequest_ReturnsTheMoney()
    {
        var engine = WithCash();
        Request(engine, "w1", 500m);
        Assert.Equal(CommandResult.Ok, Review(engine, "w1", approve: false));
        Assert.Equal("960.00", engine.Member("u1").Cash.ToString());
    }

    [Fact]
    public void AReviewedRequest_CannotBeReviewedAgain_SoNothingIsPaidTwice()
    {
        var engine = WithCash();
        Request(engine, "w1", 500m);
        Review(engine, "w1", approve: true);
        Assert.Equal(CommandResult.WithdrawalAlreadyReviewed, Review(engine, "w1", approve: true));
        Assert.Equal(CommandResult.WithdrawalAlreadyReviewed, Review(engine, "w1", approve: false));
        Assert.Equal("460.00", engine.Member("u1").Cash.ToString());
        Assert.Equal(50000, engine.Ledger[new Account(AccountKind.WithdrawalsPaid)]);
    }

    [Fact]
    public void BadRequests_AreRefused_AndChangeNothing()
    {
        var engine = WithCash();
        Assert.Equal(CommandResult.BelowWithdrawalMinimum, Request(engine, "w1", 9.99m));
        Assert.Equal(CommandResult.InsufficientCash, Request(engine, "w1", 960.01m));
        Assert.Equal(CommandResult.InsufficientCash, Request(engine, "w1", 10m, member: "stranger"));
        Assert.Equal(CommandResult.Ok, Request(engine, "w1", 960m));
        Assert.Equal(CommandResult.DuplicateWithdrawal, Request(engine, "w1", 10m));
        Assert.Equal(CommandResult.InsufficientCash, Request(engine, "w2", 10m)); // the cash is held by w1
        Assert.Equal(CommandResult.UnknownWithdrawal, Review(engine, "nope", approve: true));
        Assert.Equal("0.00", engine.Member("u1").Cash.ToString());
    }
}
