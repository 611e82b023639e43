using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Membership cards (会员卡, MODEL.md §5): defined by a store, bought by members, applied at checkout.</summary>
public sealed partial class ValuePoolEngine
{
    private CommandResult Apply(DefineCard command)
    {
        if (!IsValidId(command.Card) || !IsValidId(command.Store)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var store)) return CommandResult.UnknownStore;
        if (_cards.TryFind(command.Card, out _)) return CommandResult.DuplicateCard;
        if (command.Terms is null || TermProblems.Of(command.Terms, Config).Count > 0) return CommandResult.InvalidTerms;
        _cards.Define(command.Card, store, command.Terms);
        return CommandResult.Ok;
    }

    /// <summary>The store sells the card: it receives the price, pays the seller's reward, and grants the opening shopping points.</summary>
    private CommandResult Apply(BuyCard command)
    {
        if (!IsValidId(command.Member) || command.Seller is { Length: 0 or > IdLengthMax }) return CommandResult.InvalidId;
        if (!_cards.TryFind(command.Card, out var card)) return CommandResult.UnknownCard;
        var member = _members.GetOrAdd(command.Member);
        var (_, store, terms) = _cards[card];
        var seller = command.Seller is null ? ActiveReferrer(member, command.At) : _members.GetOrAdd(command.Seller);
        var day = DayOf(command.At);

        CreditStore(store, Account.ConsumerPayments, terms.Price, TransferKind.CardSale);
        if (seller != Member.NoReferrer && seller != member) PayFromStore(store, seller, terms.SellerReward, TransferKind.CardSellerReward);
        GrantShoppingPoints(member, store, terms.OpeningShoppingPoints.Units, day);
        _cards.Open(member, card, day);
        return CommandResult.Ok;
    }
}
