using ValuePool.Core.Ledger;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Wallet;

/// <summary>A member's credits of a few kinds (e.g. a shareholder's dividends and bonus), in journal order.</summary>
public static class RewardsOfKinds
{
    public static async Task<RewardRow[]> OfMemberAsync(this RewardHistory history, string memberId, params TransferKind[] kinds)
    {
        var rows = new List<RewardRow>();
        foreach (var kind in kinds) rows.AddRange(await history.OfMemberAsync(memberId, kind.ToString()));
        return rows.OrderBy(row => row.Sequence).ToArray();
    }
}
