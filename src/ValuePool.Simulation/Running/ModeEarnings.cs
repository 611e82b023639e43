using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Simulation.Running;

/// <summary>
/// What the optional distribution modes (MODEL.md §3b) gave whom during a run, read from each command's
/// <see cref="ModeRewardEarned"/> events: totals by mode and settlement, and each earner's total (engine member index).
/// </summary>
public sealed class ModeEarnings
{
    private readonly long[,] _byKindAndSettlementFen = new long[Enum.GetValues<ModeReward>().Max(k => (int)k) + 1, Enum.GetValues<ModeSettlement>().Length];
    private readonly Dictionary<int, long> _byEarnerFen = new();

    public IReadOnlyDictionary<int, long> ByEarnerFen => _byEarnerFen;

    public long TotalFen(ModeReward kind, ModeSettlement settlement) => _byKindAndSettlementFen[(int)kind, (int)settlement];

    internal void Add(in ModeRewardEarned reward)
    {
        _byKindAndSettlementFen[(int)reward.Kind, (int)reward.Settlement] += reward.Amount.Fen;
        _byEarnerFen[reward.Member] = _byEarnerFen.GetValueOrDefault(reward.Member) + reward.Amount.Fen;
    }
}
