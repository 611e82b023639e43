using ValuePool.Core.Engine;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Running;

/// <summary>Everything a run produced: the engine as it ended, daily samples, per-member outcomes and totals.</summary>
public sealed record SimulationResult(
    Scenario Scenario,
    ValuePoolEngine Engine,
    IReadOnlyList<DailySample> Days,
    MemberOutcomes Members,
    LedgerTotals Totals,
    IReadOnlyList<int> ExitWaitDaysHistogram,
    long Orders,
    int Participants)
{
    /// <summary>The engine id of consumer <paramref name="member"/> (arrival order).</summary>
    public static string ConsumerId(int member) => $"m{member}";
}
