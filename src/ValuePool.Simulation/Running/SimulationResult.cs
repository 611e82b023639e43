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
    /// <summary>What the distribution modes gave whom (empty when none is on).</summary>
    public ModeEarnings ModeEarnings { get; init; } = new();

    /// <summary>For each engine member index, its consumer (arrival order), or −1 for store owners, agents and recruiters.</summary>
    public IReadOnlyList<int> ConsumerAt { get; init; } = [];

    /// <summary>The engine id of consumer <paramref name="member"/> (arrival order).</summary>
    public static string ConsumerId(int member) => $"m{member}";
}
