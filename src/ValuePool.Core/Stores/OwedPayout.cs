using ValuePool.Core.Ledger;

namespace ValuePool.Core.Stores;

/// <summary>
/// What a store owes a payee because its balance could not cover a payout when it was due (MODEL.md §8): visible to
/// the payee, not withdrawable, paid first from the store's next revenue. Only <see cref="Fen"/> changes, as it is paid.
/// </summary>
public sealed class OwedPayout(int member, TransferKind kind, long fen)
{
    public int Member { get; } = member;
    public TransferKind Kind { get; } = kind;
    public long Fen { get; set; } = fen;
}
