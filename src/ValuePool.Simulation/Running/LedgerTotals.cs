using ValuePool.Core.Ledger;

namespace ValuePool.Simulation.Running;

/// <summary>Money moved during a run, summed by transfer kind from each command's transaction.</summary>
public sealed class LedgerTotals
{
    private readonly long[] _byKind = new long[Enum.GetValues<TransferKind>().Max(k => (int)k) + 1];

    public long this[TransferKind kind] => _byKind[(int)kind];

    internal void Add(TransferKind kind, long amount) => _byKind[(int)kind] += amount;

    /// <summary>Every reward paid from orders' distribution budgets, the modes' wallet rewards included.</summary>
    public long RewardsFen => this[TransferKind.ReferralReward] + this[TransferKind.RecruiterReward] + this[TransferKind.AgentReward]
        + this[TransferKind.DifferentialReward] + this[TransferKind.PeerReward];
    public long PaidFromPoolFen => this[TransferKind.SalePayout] + this[TransferKind.ForcedExitPayout];
}
