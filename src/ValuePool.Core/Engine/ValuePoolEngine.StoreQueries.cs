using ValuePool.Core.Amounts;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>One shopping-point lot as a member sees it: who issued it, what is left of it, and its issue day.</summary>
public sealed record ShoppingLotView(string StoreId, ShoppingPoints Points, DateOnly Day);

/// <summary>One cap-table line of a store, with the holder's member id.</summary>
public sealed record ShareholdingView(string MemberId, Rate Share, Money Invested, bool Initiator);

/// <summary>A membership card and the store that defined it.</summary>
public sealed record MembershipCardView(string Id, string StoreId, MembershipCardTerms Terms);

/// <summary>
/// A card a member holds: the card, the day it was opened, the last day it is valid on, and on the day asked about whether
/// it is valid and whether its once-a-day benefits (the daily special, a free item) are still available.
/// </summary>
public sealed record HeldCardView(MembershipCardView Card, DateOnly OpenedOn, DateOnly LastValidDay, bool Valid, bool DailySpecialAvailable,
    bool FreeItemAvailable);

/// <summary>Read-only views of the shared-store state (MODEL.md §4–§5) for the API.</summary>
public sealed partial class ValuePoolEngine
{
    /// <summary>The member's shopping-point lots, oldest first (the order redemption and expiry take them).</summary>
    public IReadOnlyList<ShoppingLotView> ShoppingLotsOf(string memberId) =>
        _members.TryFind(memberId, out var member)
            ? _shoppingLots.Of(member).Select(lot => new ShoppingLotView(_stores[lot.Store].Id, new ShoppingPoints(lot.Units), lot.Day)).ToArray()
            : [];

    /// <summary>The store's cap table in the order its lines were added; null for an unknown store.</summary>
    public IReadOnlyList<ShareholdingView>? CapTableOf(string storeId) =>
        _stores.TryFind(storeId, out var store)
            ? _stores[store].CapTable.Select(h => new ShareholdingView(_members.Ids[h.Member], h.Share, h.Invested, h.Initiator)).ToArray()
            : null;

    public MembershipCardView? FindCard(string cardId)
    {
        if (!_cards.TryFind(cardId, out var card)) return null;
        var (id, store, terms) = _cards[card];
        return new MembershipCardView(id, _stores[store].Id, terms);
    }

    /// <summary>The cards the member holds, one per store (the newest bought there), in the order the stores joined, as of <paramref name="at"/>.</summary>
    public IReadOnlyList<HeldCardView> CardsHeldBy(string memberId, DateTimeOffset at)
    {
        if (!_members.TryFind(memberId, out var member)) return [];
        var day = DayOf(at);
        return _cards.HeldBy(member).OrderBy(held => held.Store).Select(held =>
        {
            var terms = _cards[held.Holding.Card].Terms;
            var valid = _cards.ValidAt(member, held.Store, day) is not null;
            return new HeldCardView(FindCard(_cards[held.Holding.Card].Id)!, held.Holding.OpenedOn, _cards.LastValidDay(held.Holding), valid,
                valid && DailySpecialUnused(terms, held.Holding, day), valid && FreeItemUnused(terms, held.Holding, day));
        }).ToArray();
    }
}
