using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>Shopping points (购物积分, MODEL.md §4): redeemed on platform products, expired by the daily settlement.</summary>
public sealed partial class ValuePoolEngine
{
    private readonly List<(int Store, long Units)> _takenByStore = new();

    /// <summary>
    /// A platform product paid with up to 70% shopping points (oldest lots first) and the rest in cash.
    /// Of its 20% margin, each issuing store gets 10% of its redeemed points, the buyer's referrer 5% of
    /// the price, the platform the rest. No appreciation points are minted.
    /// </summary>
    private CommandResult Apply(BuyWithShoppingPoints purchase)
    {
        if (RefusalOf(purchase) is { } refusal) return refusal;
        var member = _members.GetOrAdd(purchase.Member);
        var amount = purchase.Amount;
        var used = purchase.ShoppingPoints;

        var margin = amount.Share(Config.PlatformProductMargin);
        var rebates = PayStoreRebates(member, used);
        var referrer = ActiveReferrer(member, purchase.At);
        var referrerReward = referrer == Member.NoReferrer ? Money.Zero : amount.Share(Config.ShoppingReferrerReward);
        if (referrer != Member.NoReferrer) CreditMember(Account.ConsumerPayments, referrer, referrerReward, TransferKind.ReferralReward);
        Ledger.Post(Account.ConsumerPayments, Account.PlatformRevenue, (margin - rebates - referrerReward).Fen, TransferKind.PlatformProfit);
        Ledger.Post(Account.ConsumerPayments, new Account(AccountKind.SelfOperatedSales), (amount - used.Worth - margin).Fen, TransferKind.GoodsCost);
        Ledger.Post(Account.MemberShoppingPoints(member), Account.ShoppingPointsIssuer, used.Units, TransferKind.ShoppingPointsRedeemed);
        Orders++;
        return CommandResult.Ok;
    }

    /// <summary>Why the purchase would be refused now (the price, the 70% limit, the points held), or null: also asked before its cash is charged.</summary>
    public CommandResult? RefusalOf(BuyWithShoppingPoints purchase)
    {
        if (AmountProblem(purchase.Amount) is { } amountProblem) return amountProblem;
        if (purchase.ShoppingPoints < ShoppingPoints.Zero) return CommandResult.AmountNotPositive;
        if (!IsValidId(purchase.Member)) return CommandResult.InvalidId;
        var used = purchase.ShoppingPoints;
        if (used.Worth > purchase.Amount.Share(Config.ShoppingPointsMaxShare)) return CommandResult.ShoppingPointsAboveLimit;
        if (used > ShoppingPoints.Zero && (!_members.TryFind(purchase.Member, out var member) || ShoppingPointsOf(member) < used))
            return CommandResult.InsufficientShoppingPoints;
        return null;
    }

    /// <summary>Takes the points from the oldest lots and pays each issuing store <c>floor2(10% × its points)</c>.</summary>
    private Money PayStoreRebates(int member, ShoppingPoints used)
    {
        _takenByStore.Clear();
        _shoppingLots.Take(member, used.Units, (store, units) =>
        {
            var at = _takenByStore.FindIndex(taken => taken.Store == store);
            if (at < 0) _takenByStore.Add((store, units));
            else _takenByStore[at] = (store, _takenByStore[at].Units + units);
        });
        var rebates = Money.Zero;
        foreach (var (store, units) in _takenByStore)
        {
            var rebate = new ShoppingPoints(units).Worth.Share(Config.ShoppingPointsStoreRebate);
            CreditStore(store, Account.ConsumerPayments, rebate, TransferKind.ShoppingRebate);
            rebates += rebate;
        }
        return rebates;
    }

    /// <summary>The daily settlement: lots issued more than the configured days before <c>Day</c> are removed.</summary>
    private CommandResult Apply(ExpireShoppingPoints expiry)
    {
        // Before the calendar's first day plus the expiry nothing can have been issued long enough ago.
        if (Config.ShoppingPointsExpiryDays == 0 || expiry.Day.DayNumber < Config.ShoppingPointsExpiryDays) return CommandResult.Ok;
        var lastExpiredDay = expiry.Day.AddDays(-Config.ShoppingPointsExpiryDays);
        foreach (var member in _expiries.TakeIssuedOnOrBefore(lastExpiredDay))
        {
            var expired = _shoppingLots.RemoveIssuedOnOrBefore(member, lastExpiredDay);
            Ledger.Post(Account.MemberShoppingPoints(member), Account.ShoppingPointsIssuer, expired, TransferKind.ShoppingPointsExpired);
        }
        return CommandResult.Ok;
    }

    private ShoppingPoints ShoppingPointsOf(int member) => new(Ledger[Account.MemberShoppingPoints(member)]);
}
