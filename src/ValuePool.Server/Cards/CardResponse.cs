using ValuePool.Core.Engine;
using ValuePool.Server.Http;

namespace ValuePool.Server.Cards;

/// <summary>A card's name (server) and terms (engine), amounts as decimal strings.</summary>
public sealed record CardResponse(string Id, string StoreId, string Name, string Price, string Discount, string OpeningShoppingPoints, string SellerReward,
    int ValidDays, string? DailySpecialPrice, int FreeItemDays)
{
    public static CardResponse Of(CardRecord card, MembershipCardView view) =>
        new(card.Id, view.StoreId, card.Name, view.Terms.Price.Text(), view.Terms.Discount.ToString(), view.Terms.OpeningShoppingPoints.ToString(),
            view.Terms.SellerReward.Text(), view.Terms.ValidDays, view.Terms.DailySpecialPrice?.Text(), view.Terms.FreeItemDays);
}
