using CsCheck;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Tests.Properties;

/// <summary>MODEL.md §8: no rule credits money that nobody paid in, whatever the commands.</summary>
public class SolvencyProperties
{
    [Fact]
    public void AfterEveryCommand_WhatWasReceivedLessWhatWasPaidOut_CoversEverythingOwed() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (command, result) =>
            {
                var solvency = Solvency.Of(engine.Ledger);
                Assert.True(solvency.Holds, $"after {command} ({result}): {solvency}");
            });
        }, iter: 300);

    [Fact]
    public void TheRandomPlatforms_ExerciseTheSolvencyRules()
    {
        var seen = new HashSet<TransferKind>();
        var results = new HashSet<CommandResult>();
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (_, result) =>
            {
                results.Add(result);
                seen.UnionWith(engine.Ledger.CurrentTransaction.Select(t => t.Kind));
            });
        }, iter: 300, threads: 1);
        Assert.All([TransferKind.DepositTopUp, TransferKind.ShareInvestment, TransferKind.PartnerReferralReward,
            TransferKind.DifferentialReward, TransferKind.PeerReward, TransferKind.PlatformShareholderDividend], kind => Assert.Contains(kind, seen));
        Assert.Contains(CommandResult.InsufficientDeposit, results);
    }
}
