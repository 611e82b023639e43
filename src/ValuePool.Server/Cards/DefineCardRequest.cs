using ValuePool.Core.Amounts;
using ValuePool.Core.Stores;
using ValuePool.Server.Http;

namespace ValuePool.Server.Cards;

/// <summary>
/// A membership card as the owner defines it: amounts as decimal strings, <c>discount</c> as the share
/// taken off ("0.22" = 7.8折). Only <c>name</c> and <c>price</c> are required.
/// </summary>
public sealed record DefineCardRequest(string? Name, string? Price, string? Discount, string? OpeningShoppingPoints, string? SellerReward, int? ValidDays,
    string? DailySpecialPrice, int? FreeItemDays)
{
    public MembershipCardTerms Read(FieldErrors errors)
    {
        var defaults = new MembershipCardTerms();
        return new MembershipCardTerms
        {
            Price = errors.Money("price", Price),
            Discount = Discount is null ? defaults.Discount : errors.Rate("discount", Discount, max: 1m),
            OpeningShoppingPoints = new ShoppingPoints(errors.MoneyOrZero("openingShoppingPoints", OpeningShoppingPoints).Fen),
            SellerReward = errors.MoneyOrZero("sellerReward", SellerReward),
            ValidDays = ValidDays ?? defaults.ValidDays,
            DailySpecialPrice = DailySpecialPrice is null ? null : errors.Money("dailySpecialPrice", DailySpecialPrice),
            FreeItemDays = FreeItemDays ?? defaults.FreeItemDays,
        };
    }
}
