using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Tests;

/// <summary>
/// The summary's totals are read from each command's transaction; these tests check them against the
/// engine's own balances at the end, so a transfer the simulator missed or counted twice shows up.
/// </summary>
public class LedgerAgreementTests
{
    private static readonly SimulationResult Run = SimulationRunner.Run(SmallScenario.WithExits);
    private static readonly Summary Summary = SummaryBuilder.Build(Run);

    [Fact]
    public void Scenario_ForcesExits_SoTheChecksBelowCoverThem()
    {
        Assert.True(Summary.ForcedExits > 0);
        Assert.True(Summary.SalePaid > Money.Zero);
        Assert.True(Summary.RewardsToMembers > Money.Zero);
    }

    [Fact]
    public void PaidFromPoolPlusMemberRewards_EqualsSumOfMemberWallets()
    {
        long walletsFen = 0;
        for (var m = 0; m < Run.Members.Count; m++) walletsFen += Run.Engine.FindMember(SimulationResult.ConsumerId(m))!.Cash.Fen;
        Assert.Equal(Summary.PaidFromPool + Summary.RewardsToMembers, new Money(walletsFen));
    }

    [Fact]
    public void PoolLeft_IsContributionsPlusSubsidiesMinusPayouts()
    {
        Assert.Equal(Summary.PoolContributions + Summary.Subsidies - Summary.PaidFromPool, Summary.PoolLeft);
        Assert.Equal(Run.Engine.Pool, Summary.PoolLeft);
    }

    [Fact]
    public void Consumed_IsWhatMembersSpent()
    {
        long spentFen = 0;
        foreach (var member in Run.Members.All) spentFen += member.SpentFen;
        Assert.Equal(new Money(spentFen), Summary.Consumed);
        Assert.Equal(-Run.Engine.Ledger[new Account(AccountKind.ConsumerPayments)], spentFen);
    }

    [Fact]
    public void ForcedExits_AgreeWithTheEnginesExitCounts()
    {
        long exits = 0;
        for (var m = 0; m < Run.Members.Count; m++) exits += Run.Engine.FindMember(SimulationResult.ConsumerId(m))!.Exits;
        Assert.Equal(exits, Summary.ForcedExits);
        Assert.Equal(exits, Run.Days.Sum(d => (long)d.ForcedExits));
    }

    [Fact]
    public void HeldSaleValue_IsAtMostThePayoutShareOfThePool()
    {
        // Every point sold at the final price pays payout × price per point, and price × points = pool.
        Assert.True(Summary.HeldSaleValue.Yuan <= Run.Engine.Pool.Yuan * Run.Engine.Config.Payout.Value);
    }

    [Fact]
    public void AgentFees_PaidAtSetup_AreCounted()
    {
        // 2 provinces × ¥300,000 + 4 cities × ¥100,000 + 8 districts × ¥50,000, the default network's regions.
        Assert.Equal(Money.FromYuan(1_400_000m), Summary.AgentFees);
        Assert.True(Summary.PlatformRevenue > Summary.AgentFees);
    }
}
