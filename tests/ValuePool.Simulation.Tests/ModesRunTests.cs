using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Reporting;
using ValuePool.Simulation.Running;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Tests;

/// <summary>A run with the distribution modes on: the report shows who earns what from them, and the ledger agrees.</summary>
public class ModesRunTests
{
    private static readonly Scenario WithModes = SmallScenario.WithExits with
    {
        Name = "small-modes",
        Engine = BuiltInScenarios.Modes.Engine with
        {
            Levels = [new MemberLevel("V1", Money.FromYuan(200), Rate.Percent(0.1m)), new MemberLevel("V2", Money.FromYuan(2_000), Rate.Percent(0.3m))],
        },
    };

    private static readonly SimulationResult Run = SimulationRunner.Run(WithModes);
    private static readonly Summary Summary = SummaryBuilder.Build(Run);

    [Fact]
    public void TheModes_PayInWalletsAndOffline_AsTheLedgerBooked()
    {
        var modes = Summary.Modes!;
        var amount = (ModeReward kind, ModeSettlement settlement) => modes.Totals.SingleOrDefault(t => t.Kind == kind && t.Settlement == settlement)?.Amount ?? Money.Zero;
        Assert.True(amount(ModeReward.Differential, ModeSettlement.Wallet) > Money.Zero);
        Assert.True(amount(ModeReward.PlatformShareholderDividend, ModeSettlement.Offline) > Money.Zero);
        Assert.Equal(new Money(Run.Totals[TransferKind.DifferentialReward]), amount(ModeReward.Differential, ModeSettlement.Wallet));
        Assert.Equal(new Money(Run.Totals[TransferKind.PeerReward]), amount(ModeReward.Peer, ModeSettlement.Wallet));
        Assert.Equal(modes.Total.Fen, modes.ByArrivalFifth.Sum(fifth => fifth.Fen) + modes.ToNonConsumers.Fen);
        Assert.True(Solvency.Of(Run.Engine.Ledger).Holds);
    }

    [Fact]
    public void TheReport_ShowsWhoEarnsFromTheModes_AndTheAuditFlagsThem()
    {
        var html = ReportWriter.Html(Run, Summary, []);
        Assert.Contains("分销模式收益", html);
        Assert.Contains("Differential", html);
        Assert.Contains("[risk] multi-level-differential", html);
        Assert.Contains("\"modes\"", SummaryJson.Write(Summary));
        Assert.Null(SummaryBuilder.Build(SimulationRunner.Run(SmallScenario.WithExits)).Modes);
    }
}
