using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    /// <summary>A completed order: split the amount, mint at the price before the order, pay rewards (MODEL.md §2).</summary>
    private CommandResult Apply(Consume order)
    {
        if (order.Amount <= Money.Zero) return CommandResult.AmountNotPositive;
        if (string.IsNullOrEmpty(order.Member)) return CommandResult.InvalidId;
        var store = -1;
        if (order.Store is not null && !_stores.TryFind(order.Store, out store)) return CommandResult.UnknownStore;
        var member = _members.GetOrAdd(order.Member);
        var day = DayOf(order.At);
        var charged = store >= 0 ? ChargeAtStore(member, store, order, day) : order.Benefit == CheckoutBenefit.None ? order.Amount : null;
        if (charged is not { } amount) return CommandResult.CardBenefitUnavailable;
        if (amount == Money.Zero) return CommandResult.Ok; // a free item: nothing is sold, nothing moves

        var commission = amount.Share(Config.Commission);
        var poolContribution = amount.Share(Config.PoolContribution);
        var minted = Price.PointsFor(amount.Share(Config.PoolContribution, Config.MintShare));
        var payments = Account.ConsumerPayments;

        var seller = store >= 0 ? Account.StoreReceivable(store) : new Account(AccountKind.SelfOperatedSales);
        Ledger.Post(payments, seller, (amount - commission).Fen, TransferKind.StoreSale);
        Ledger.Post(payments, Account.Pool, poolContribution.Fen, TransferKind.PoolContribution);
        var rewards = PayRewards(member, store, amount, order.At);
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
