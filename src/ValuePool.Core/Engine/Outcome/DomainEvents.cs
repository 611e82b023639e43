using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

// What a command did, as readers need it (projections, the reward feed, receipts, webhooks, the simulator), so
// that none of them decodes the ledger's transfers. Members and stores are the engine's dense indices:
// IEngineView.MemberIdAt and StoreIdAt give their ids. Each is a small struct: an order allocates nothing.

/// <summary>
/// A completed order (MODEL.md §2, §8): what the buyer was charged after any card benefit (zero for a free item),
/// what the store keeps, and the split of the commission. <see cref="Store"/> is <see cref="NoStore"/> for a
/// platform product. At an offline till (<see cref="OrderPayment.OfflineTill"/>) the commission came out of the
/// store's prepaid deposit.
/// </summary>
public readonly record struct OrderBooked(int Member, int Store, Money Charged, Money Net, Money Commission, Money PoolContribution,
    Money Rewards, Money PlatformProfit, OrderPayment Payment)
{
    public const int NoStore = -1;
}

/// <summary>Appreciation points minted to a buyer at the price before the order.</summary>
public readonly record struct PointsMinted(int Member, Points Points);

/// <summary>
/// Cash credited to a member that is not the proceeds of their own points: a referral, recruiter, agent or shopping
/// referrer reward, a partner referral or card seller reward, a shareholder or partner dividend, the initiator's bonus
/// (<see cref="Kind"/> says which). A payout a store owed and pays later is credited under its original kind.
/// </summary>
public readonly record struct CashCredited(int Member, TransferKind Kind, Money Amount);

/// <summary>A member sold points: <see cref="Gross"/> at the price, <see cref="Paid"/> to the wallet (the rest stays in the pool).</summary>
public readonly record struct PointsSold(int Member, Points Points, Money Gross, Money Paid);

/// <summary>A forced exit (出局): all the member's points sold as a sale would, and their cycle closed.</summary>
public readonly record struct ForcedExit(int Member, Points Points, Money Gross, Money Paid);

/// <summary>A payout the store's balance could not cover, owed to the member until the store's next revenue pays it.</summary>
public readonly record struct PayoutOwed(int Store, int Member, TransferKind Kind, Money Amount);

/// <summary>A merchant's top-up of the store's prepaid deposit.</summary>
public readonly record struct DepositToppedUp(int Store, Money Amount);

/// <summary>Money put into the pool by the platform (融资补贴), no points minted.</summary>
public readonly record struct SubsidyInjected(Money Amount);

/// <summary>
/// What an optional distribution mode (MODEL.md §3b) gave a member: a differential or peer reward on an order of
/// <see cref="Buyer"/> (the order is the command's own <see cref="OrderBooked"/>), or a platform shareholders' dividend
/// (<see cref="Buyer"/> is <see cref="NoBuyer"/>). In <see cref="ModeSettlement.Wallet"/> settlement it was credited
/// (a <see cref="CashCredited"/> says so too); in <see cref="ModeSettlement.Offline"/> it is owed outside the platform.
/// </summary>
public readonly record struct ModeRewardEarned(int Member, ModeReward Kind, Money Amount, Configuration.ModeSettlement Settlement, int Buyer)
{
    public const int NoBuyer = -1;
}
