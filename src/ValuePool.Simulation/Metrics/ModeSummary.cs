using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Metrics;

/// <summary>One mode's total in one settlement.</summary>
public sealed record ModeTotal(ModeReward Kind, ModeSettlement Settlement, Money Amount);

/// <summary>
/// Who earns what from the distribution modes (MODEL.md §3b): totals by mode and settlement, how many earned, how much of it
/// went to the top tenth of earners and to store owners (not consumers), and what consumers earned by arrival fifth (the
/// earliest first), the shape by which a rank-based scheme pays its early joiners from later ones.
/// </summary>
public sealed record ModeSummary(IReadOnlyList<ModeTotal> Totals, int Earners, double TopTenthShare, Money ToNonConsumers, IReadOnlyList<Money> ByArrivalFifth)
{
    public Money Total => new(Totals.Sum(t => t.Amount.Fen));

    /// <summary>Null when the scenario configures no levels: then no mode can pay.</summary>
    public static ModeSummary? Of(SimulationResult run)
    {
        if (!run.Scenario.Engine.HasLevels) return null;
        var earnings = run.ModeEarnings;
        var totals = Enum.GetValues<ModeReward>().SelectMany(kind => new[] { ModeSettlement.Offline, ModeSettlement.Wallet }
            .Select(settlement => new ModeTotal(kind, settlement, new Money(earnings.TotalFen(kind, settlement))))).Where(t => t.Amount.Fen > 0).ToArray();
        var byEarner = earnings.ByEarnerFen.Values.OrderByDescending(fen => fen).ToArray();
        var all = byEarner.Sum();
        var topTenth = byEarner.Take(Math.Max(1, byEarner.Length / 10)).Sum();
        long toNonConsumers = 0;
        var byFifth = new long[SummaryBuilder.CohortCount];
        foreach (var (member, fen) in earnings.ByEarnerFen)
        {
            var consumer = member < run.ConsumerAt.Count ? run.ConsumerAt[member] : -1;
            if (consumer < 0) toNonConsumers += fen;
            else byFifth[Math.Min(SummaryBuilder.CohortCount - 1, (int)((long)consumer * SummaryBuilder.CohortCount / Math.Max(1, run.Members.Count)))] += fen;
        }
        return new ModeSummary(totals, byEarner.Length, all == 0 ? 0 : (double)topTenth / all, new Money(toNonConsumers), byFifth.Select(fen => new Money(fen)).ToArray());
    }
}
