using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// The engine as its readers see it (queries, projections, the API): state and the last command's outcome, never a way
/// to change them. Only the single writer (the sequencer, replay, the simulator) holds a <see cref="ValuePoolEngine"/>.
/// </summary>
public interface IEngineView
{
    EngineConfig Config { get; }
    /// <summary>Balances by account; its transfers can only be posted by the engine.</summary>
    Balances Ledger { get; }
    PointPrice Price { get; }
    long Orders { get; }
    Money Pool { get; }
    Points CirculatingPoints { get; }
    Money PlatformRevenue { get; }
    CommandOutcome Outcome { get; }

    int MemberCount { get; }
    int MembersAwaitingExit { get; }
    string MemberIdAt(int index);
    int? MemberIndexOf(string id);
    string StoreIdAt(int index);
    IEnumerable<string> MemberIdsOrdinal();
    IEnumerable<string> StoreIdsOrdinal();

    MemberView? FindMember(string id);
    StoreView? FindStore(string id);
    Money OwedTo(string memberId);
    ShoppingPointsExpiry? NextShoppingPointsExpiry(string memberId);
    IReadOnlyList<ShoppingLotView> ShoppingLotsOf(string memberId);
    /// <summary>Why the engine would refuse the purchase now, or null.</summary>
    CommandResult? RefusalOf(BuyWithShoppingPoints purchase);
    IReadOnlyList<ShareholdingView>? CapTableOf(string storeId);
    MembershipCardView? FindCard(string cardId);
    IReadOnlyList<HeldCardView> CardsHeldBy(string memberId, DateTimeOffset at);
    IEnumerable<StorePromise> StorePromises();
    ReferralTreeReport ReferralTree();
    Withdrawal? FindWithdrawal(string id);
    IEnumerable<Withdrawal> Withdrawals();
    void WriteState(BinaryWriter output);
}
