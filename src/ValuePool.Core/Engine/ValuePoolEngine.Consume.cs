using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// A completed order: split the amount (by the product's own rates, if any), mint at the price
    /// before the order, pay rewards (MODEL.md §2). Everything is checked before anything changes.
    /// Online, the split comes out of what the provider collected; at an offline till the customer paid the
    /// merchant, so the commission comes out of the store's prepaid deposit and the store is credited nothing (§8).
    /// </summary>
    private CommandResult Apply(Consume order)
    {
        if (AmountProblem(order.Amount) is { } amountProblem) return amountProblem;
        if (!IsValidId(order.Member) || order.Store is { Length: 0 or > IdLengthMax }) return CommandResult.InvalidId;
        var offline = order.Payment == OrderPayment.OfflineTill;
        if (order.Payment is not (OrderPayment.Online or OrderPayment.OfflineTill) || order.Benefit is < CheckoutBenefit.None or > CheckoutBenefit.CardDiscount
            || (offline && order.Store is null)) return CommandResult.InvalidTerms;
        var store = -1;
        if (order.Store is not null && !_stores.TryFind(order.Store, out store)) return CommandResult.UnknownStore;
        if (order.Rates is { } own && own.Problems(Config).Count > 0) return CommandResult.InvalidRates;
        var rates = order.Rates?.ApplyTo(Config) ?? Config;
        var day = DayOf(order.At);
        var known = TryFindMember(order.MemberIndex, order.Member, out var member);
        var charged = store >= 0 && known ? ChargeAtStore(member, store, order, day)
            : order.Benefit is CheckoutBenefit.None or CheckoutBenefit.CardDiscount ? order.Amount : null;
        if (charged is not { } amount) return CommandResult.CardBenefitUnavailable;
        var commission = amount.Share(rates.Commission);
        if (offline && Ledger[Account.StoreDeposit(store)] < commission.Fen) return CommandResult.InsufficientDeposit;
        if (store >= 0 && known) UseBenefit(member, store, order.Benefit, day);
        if (amount == Money.Zero)
        {
            // A free item: nothing is sold, nothing moves; the till still learns what it charged.
            Outcome.Add(new OrderBooked(member, store, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, order.Payment));
            return CommandResult.Ok;
        }
        if (!known) member = _members.GetOrAdd(order.Member);
        var poolContribution = amount.Share(rates.PoolContribution);
        var minted = Price.PointsFor(amount.Share(rates.PoolContribution, rates.MintShare));
        var payments = offline ? Account.StoreDeposit(store) : Account.ConsumerPayments;

        if (store < 0) Ledger.Post(payments, new Account(AccountKind.SelfOperatedSales), (amount - commission).Fen, TransferKind.StoreSale);
        else if (!offline) CreditStore(store, payments, amount - commission, TransferKind.StoreSale);
        Ledger.Post(payments, Account.Pool, poolContribution.Fen, TransferKind.PoolContribution);
        var rewards = PayRewards(rates, payments, member, store, amount, order.At);
        var profit = commission - poolContribution - rewards;
        Ledger.Post(payments, Account.PlatformRevenue, profit.Fen, TransferKind.PlatformProfit);
        Ledger.Post(Account.PointsIssuer, Account.MemberPoints(member), minted.Units, TransferKind.Mint);
        Outcome.Add(new OrderBooked(member, store, amount, amount - commission, commission, poolContribution, rewards, profit, order.Payment));
        Outcome.Add(new PointsMinted(member, minted));

        ref var state = ref _members[member];
        state.CycleConsumedFen += amount.Fen;
        state.ConsumedFen += amount.Fen;
        Orders++;
        if (store >= 0) RecordStoreSale(member, store, amount, amount - commission, day);
        if (_modes is not null) AddToTeams(member, amount, profit, day, order.At);
        UpdatePrice();
        RequeueForExit(member);
        return CommandResult.Ok;
    }
}
