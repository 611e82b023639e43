using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// A completed order: split the amount (by the product's own rates, if any), mint at the price
    /// before the order, pay rewards (MODEL.md §2). Everything is checked before anything changes.
    /// </summary>
    private CommandResult Apply(Consume order)
    {
        if (order.Amount <= Money.Zero) return CommandResult.AmountNotPositive;
        if (string.IsNullOrEmpty(order.Member)) return CommandResult.InvalidId;
        var store = -1;
        if (order.Store is not null && !_stores.TryFind(order.Store, out store)) return CommandResult.UnknownStore;
        if (order.Rates is { } own && own.Problems(Config).Count > 0) return CommandResult.InvalidRates;
        var rates = order.Rates?.ApplyTo(Config) ?? Config;
        var day = DayOf(order.At);
        var known = _members.TryFind(order.Member, out var member);
        var charged = store >= 0 && known ? ChargeAtStore(member, store, order, day)
            : order.Benefit is CheckoutBenefit.None or CheckoutBenefit.CardDiscount ? order.Amount : null;
        if (charged is not { } amount) return CommandResult.CardBenefitUnavailable;
        if (amount == Money.Zero) return CommandResult.Ok; // a free item: nothing is sold, nothing moves
        if (!known) member = _members.GetOrAdd(order.Member);

        var commission = amount.Share(rates.Commission);
        var poolContribution = amount.Share(rates.PoolContribution);
        var minted = Price.PointsFor(amount.Share(rates.PoolContribution, rates.MintShare));
        var payments = Account.ConsumerPayments;

        var seller = store >= 0 ? Account.StoreReceivable(store) : new Account(AccountKind.SelfOperatedSales);
        Ledger.Post(payments, seller, (amount - commission).Fen, TransferKind.StoreSale);
        Ledger.Post(payments, Account.Pool, poolContribution.Fen, TransferKind.PoolContribution);
        var rewards = PayRewards(rates, member, store, amount, order.At);
        Ledger.Post(payments, Account.PlatformRevenue, (commission - poolContribution - rewards).Fen, TransferKind.PlatformProfit);
        Ledger.Post(Account.PointsIssuer, Account.MemberPoints(member), minted.Units, TransferKind.Mint);

        ref var state = ref _members[member];
        state.CycleConsumedFen += amount.Fen;
        state.ConsumedFen += amount.Fen;
        Orders++;
        if (store >= 0) RecordStoreSale(member, store, amount, amount - commission, day);
        UpdatePrice();
        RequeueForExit(member);
        return CommandResult.Ok;
    }
}
