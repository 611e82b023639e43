using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Membership cards (会员卡, MODEL.md §5): defined by a store, bought by members, applied at checkout.</summary>
public sealed partial class ValuePoolEngine
{
    private CommandResult Apply(DefineCard command)
    {
        if (string.IsNullOrEmpty(command.Card)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var store)) return CommandResult.UnknownStore;
        if (_cards.TryFind(command.Card, out _)) return CommandResult.DuplicateCard;
        if (!AreValid(command.Terms)) return CommandResult.InvalidTerms;
        _cards.Define(command.Card, store, command.Terms);
        return CommandResult.Ok;
    }

    private static bool AreValid(MembershipCardTerms terms) =>
        terms.Price > Money.Zero && terms.Discount >= Rate.Zero && terms.Discount < Rate.One
        && terms.SellerReward >= Money.Zero && terms.SellerReward <= terms.Price
        && terms.OpeningShoppingPoints >= ShoppingPoints.Zero && terms.ValidDays > 0 && terms.FreeItemDays >= 0
        && terms.DailySpecialPrice is null or { Fen: > 0 };

    /// <summary>The store sells the card: it receives the price, pays the seller's reward, and grants the opening shopping points.</summary>
    private CommandResult Apply(BuyCard command)
    {
        if (string.IsNullOrEmpty(command.Member) || command.Seller == "") return CommandResult.InvalidId;
        if (!_cards.TryFind(command.Card, out var card)) return CommandResult.UnknownCard;
        var member = _members.GetOrAdd(command.Member);
        var (_, store, terms) = _cards[card];
        var seller = command.Seller is null ? ActiveReferrer(member, command.At) : _members.GetOrAdd(command.Seller);
        var day = DayOf(command.At);

        Ledger.Post(Account.ConsumerPayments, Account.StoreReceivable(store), terms.Price.Fen, TransferKind.CardSale);
        if (seller != Member.NoReferrer && seller != member)
            Ledger.Post(Account.StoreReceivable(store), Account.MemberCash(seller), terms.SellerReward.Fen, TransferKind.CardSellerReward);
        GrantShoppingPoints(member, store, terms.OpeningShoppingPoints.Units, day);
        _cards.Open(member, card, day);
        return CommandResult.Ok;
    }
}
