using ValuePool.Core.Engine;

namespace ValuePool.Server.Cards;

/// <summary>
/// A card the caller holds (会员卡), as their phone page shows it: the card and its store's name, the day it was opened, the
/// last day it is valid on, and today whether it is valid and whether its daily special and free item are still available.
/// </summary>
public sealed record HeldCardResponse(CardResponse Card, string StoreName, DateOnly OpenedOn, DateOnly LastValidDay, bool Valid,
    bool DailySpecialAvailable, bool FreeItemAvailable)
{
    public static HeldCardResponse Of(CardRecord record, HeldCardView held, string storeName) =>
        new(CardResponse.Of(record, held.Card), storeName, held.OpenedOn, held.LastValidDay, held.Valid, held.DailySpecialAvailable, held.FreeItemAvailable);
}
