using System.Runtime.InteropServices;
using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>What an order at a store adds to the store: revenue by day, shopping points, partner qualification.</summary>
public sealed partial class ValuePoolEngine
{
    private void RecordStoreSale(int member, int storeIndex, Money amount, Money net, DateOnly day)
    {
        // Net revenue counts offline till sales too: the partner pool is a share of what the store took in (MODEL.md §5).
        var store = _stores[storeIndex];
        store.Revenue += amount;
        ref var sales = ref CollectionsMarshal.GetValueRefOrAddDefault(store.Days, day, out _);
        sales = new StoreDay(sales.GrossFen + amount.Fen, sales.NetFen + net.Fen);
        GrantShoppingPoints(member, storeIndex, store.Terms.ShoppingPointsRate.ApplyFloor(amount.Fen), day);

        if (store.Terms.PartnerSplit == PartnerSplit.Weighted)
            store.SpendByMemberDayFen[(member, day)] = store.SpendByMemberDayFen.GetValueOrDefault((member, day)) + amount.Fen;
        if (store.Terms.PartnerSpend is { } threshold)
        {
            var spent = store.SpendByMemberFen[member] = store.SpendByMemberFen.GetValueOrDefault(member) + amount.Fen;
            if (spent >= threshold.Fen) AddPartnerTo(storeIndex, member);
        }
    }

    /// <summary>Shopping points in a lot of the issuing store (¥1 a point, so units are fen).</summary>
    private void GrantShoppingPoints(int member, int store, long units, DateOnly day)
    {
        if (units == 0) return;
        Ledger.Post(Account.ShoppingPointsIssuer, Account.MemberShoppingPoints(member), units, TransferKind.ShoppingPointsGrant);
        _shoppingLots.Add(member, store, units, day);
        if (Config.ShoppingPointsExpiryDays > 0) _expiries.Issued(member, day);
    }

    /// <summary>
    /// The amount charged for an order at a store: the card's discount, or the benefit the order asks
    /// for; null when that benefit is not available to the member today. Changes nothing: the caller
    /// marks the benefit used (<see cref="UseBenefit"/>) once the order is accepted.
    /// </summary>
    private Money? ChargeAtStore(int member, int store, Consume order, DateOnly day)
    {
        if (order.Benefit == CheckoutBenefit.None) return order.Amount;
        var holding = _cards.ValidAt(member, store, day);
        if (holding is null) return order.Benefit == CheckoutBenefit.CardDiscount ? order.Amount : null;
        var terms = _cards[holding.Card].Terms;
        return order.Benefit switch
        {
            CheckoutBenefit.DailySpecial when DailySpecialUnused(terms, holding, day) => Money.Min(terms.DailySpecialPrice!.Value, order.Amount),
            CheckoutBenefit.FreeItem when FreeItemUnused(terms, holding, day) => Money.Zero,
            CheckoutBenefit.CardDiscount => order.Amount - order.Amount.Share(terms.Discount),
            _ => null,
        };
    }

    /// <summary>The card has a daily special and it was not used on <paramref name="day"/>.</summary>
    private static bool DailySpecialUnused(MembershipCardTerms terms, CardHolding holding, DateOnly day) =>
        terms.DailySpecialPrice is not null && holding.LastSpecialDay != day;

    /// <summary><paramref name="day"/> is within the card's free-item days and no free item was taken on it.</summary>
    private static bool FreeItemUnused(MembershipCardTerms terms, CardHolding holding, DateOnly day) =>
        day.DayNumber < holding.OpenedOn.DayNumber + terms.FreeItemDays && holding.LastFreeItemDay != day;

    /// <summary>A daily special or free item, once charged, is used for the day.</summary>
    private void UseBenefit(int member, int store, CheckoutBenefit benefit, DateOnly day)
    {
        if (benefit is not (CheckoutBenefit.DailySpecial or CheckoutBenefit.FreeItem)) return;
        var holding = _cards.ValidAt(member, store, day)!;
        if (benefit == CheckoutBenefit.DailySpecial) holding.LastSpecialDay = day;
        else holding.LastFreeItemDay = day;
    }
}
