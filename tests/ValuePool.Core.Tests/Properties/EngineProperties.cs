using System.Numerics;
using CsCheck;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Core.Replay;

namespace ValuePool.Core.Tests.Properties;

/// <summary>The engine's invariants (docs/ARCHITECTURE.md, docs/MODEL.md §2), checked over random command sequences.</summary>
public class EngineProperties
{
    private const long Iterations = 300;

    [Fact]
    public void EveryTransactionBalances_AndNoBalanceGoesNegative() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (_, _) =>
            {
                Assert.Equal(0, engine.Ledger.Total(Asset.Money));
                Assert.Equal(0, engine.Ledger.Total(Asset.Points));
                Assert.Equal(0, engine.Ledger.Total(Asset.ShoppingPoints));
                Assert.All(engine.Ledger.CurrentTransaction, t => Assert.Equal(t.From.Asset, t.To.Asset));
                Assert.True(engine.Pool >= Money.Zero);
            });
            foreach (var id in engine.MemberIdsOrdinal())
            {
                var member = engine.Member(id);
                Assert.True(member.Points >= Points.Zero && member.Cash >= Money.Zero && member.ShoppingPoints >= ShoppingPoints.Zero, id);
            }
        }, iter: Iterations);

    [Fact]
    public void TheRandomPlatforms_ExerciseEveryMoneyRule()
    {
        var seen = new HashSet<TransferKind>();
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps,
                (_, _) => seen.UnionWith(engine.Ledger.CurrentTransaction.Select(t => t.Kind)));
        }, iter: Iterations, threads: 1);
        TransferKind[] expected = [TransferKind.ForcedExitPayout, TransferKind.SalePayout, TransferKind.ReferralReward,
            TransferKind.RecruiterReward, TransferKind.AgentReward, TransferKind.Subsidy, TransferKind.ShoppingRebate,
            TransferKind.ShareholderDividend, TransferKind.InitiatorBonus, TransferKind.PartnerDividend,
            TransferKind.WithdrawalPaid, TransferKind.WithdrawalReturned, TransferKind.CardSale, TransferKind.CardSellerReward];
        Assert.All(expected, kind => Assert.Contains(kind, seen));
    }

    [Fact]
    public void NoWithdrawalIsPaidTwice_AndPaidOutEqualsApprovedRequests() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps);
            var withdrawals = engine.Withdrawals().ToList();
            var approvedFen = withdrawals.Where(w => w.Status == WithdrawalStatus.Paid).Sum(w => w.Amount.Fen);
            var pendingFen = withdrawals.Where(w => w.Status == WithdrawalStatus.Pending).Sum(w => w.Amount.Fen);
            var feesFen = withdrawals.Sum(w => w.Fee.Fen);
            Assert.Equal(approvedFen - feesFen, engine.Ledger[new Account(AccountKind.WithdrawalsPaid)]);
            Assert.Equal(pendingFen, engine.Ledger[new Account(AccountKind.PendingWithdrawals)]);
        }, iter: Iterations);

    [Fact]
    public void AfterEveryCommand_NoMemberIsStillDueToExit() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (_, _) =>
            {
                var multiplePpm = engine.Config.ExitMultiple.PartsPerMillion;
                var (poolFen, pointsUnits) = (engine.Price.PoolFen, engine.Price.PointsUnits);
                foreach (var id in engine.MemberIdsOrdinal())
                {
                    var member = engine.Member(id);
                    if (member.Points == Points.Zero) continue;
                    // H·price + R < m·C, in integers scaled by pointsUnits · 10^6 (docs/MODEL.md's exit rule).
                    var valueScaled = ((BigInteger)member.Points.Units * poolFen + (BigInteger)member.CycleRealized.Fen * pointsUnits) * 1_000_000;
                    var targetScaled = (BigInteger)multiplePpm * member.CycleConsumed.Fen * pointsUnits;
                    Assert.True(valueScaled < targetScaled, $"{id} is due at {engine.Price.ToFractionString()}");
                }
            });
        }, iter: Iterations);

    [Fact]
    public void ThePriceNeverFalls() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            var last = engine.Price;
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (_, _) =>
            {
                Assert.True(engine.Price >= last, $"price fell from {last} to {engine.Price}");
                last = engine.Price;
            });
        }, iter: Iterations);

    [Fact]
    public void RefusedCommands_ChangeNothing() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            var before = StateJson.Write(engine);
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (_, result) =>
            {
                var after = StateJson.Write(engine);
                if (!result.IsAccepted())
                {
                    Assert.Equal(before, after);
                    Assert.Empty(engine.Ledger.CurrentTransaction);
                }
                before = after;
            });
        }, iter: 100);

    [Fact]
    public void IfEveryoneSoldNow_InAnyOrder_EveryPayoutIsMade() =>
        Gen.Select(RandomCommands.Platform, Gen.Int).Sample((platform, seed) =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps);
            var holders = engine.MemberIdsOrdinal().Where(id => engine.Member(id).Points > Points.Zero).ToArray();
            new Random(seed).Shuffle(holders);
            foreach (var id in holders)
            {
                var held = engine.Member(id).Points; // an earlier sale may have forced this member out already
                if (held == Points.Zero) continue;
                var cashBefore = engine.Member(id).Cash;
                Assert.Equal(CommandResult.Ok, engine.Apply(new Sell(id, held, Orders.Day1)));
                Assert.True(engine.Member(id).Cash >= cashBefore);
            }
            Assert.Equal(Points.Zero, engine.CirculatingPoints);
            Assert.True(engine.Pool >= Money.Zero);
        }, iter: Iterations);

    [Fact]
    public void ReplayingTheSameCommands_GivesTheSameState() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var first = new ValuePoolEngine();
            var commands = RandomCommands.Apply(first, platform.Config, platform.Steps);
            var second = new ValuePoolEngine();
            foreach (var command in commands) second.Apply(command);
            Assert.Equal(StateJson.Write(first), StateJson.Write(second));
        }, iter: Iterations);
}
