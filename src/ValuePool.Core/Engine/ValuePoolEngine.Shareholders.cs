using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Store shareholders (门店股东, MODEL.md §5): the cap table and daily dividends.</summary>
public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// Adds a line to the cap table. An investment the platform collected is booked into the store's balance; one
    /// settled outside the platform (the replay's cap tables) is only recorded, so the store's balance excludes it.
    /// </summary>
    private CommandResult Apply(AddShareholder command)
    {
        if (!IsValidId(command.Member) || !IsValidId(command.Store)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var storeIndex)) return CommandResult.UnknownStore;
        if (command.Share <= Rate.Zero || command.Invested < Money.Zero) return CommandResult.AmountNotPositive;
        if (command.Invested > Config.AmountMax) return CommandResult.AmountAboveMaximum;
        if (command.Collected && command.Invested == Money.Zero) return CommandResult.AmountNotPositive;
        var store = _stores[storeIndex];
        if (command.Share > Rate.One - store.SharesTotal) return CommandResult.SharesAboveOne;
        store.CapTable.Add(new Shareholding(_members.GetOrAdd(command.Member), command.Share, command.Invested, command.Initiator));
        store.SharesTotal += command.Share;
        if (command.Collected) CreditStore(storeIndex, new Account(AccountKind.Investments), command.Invested, TransferKind.ShareInvestment);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Each holder gets <c>floor2(R·58%·share)</c> of the day's gross revenue R, the initiator also <c>floor2(R·2%)</c>, in
    /// cap-table order from the store's balance; what it cannot cover is owed (MODEL.md §8).
    /// </summary>
    private CommandResult Apply(SettleShareholders command)
    {
        if (!IsValidId(command.Store)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var storeIndex)) return CommandResult.UnknownStore;
        var store = _stores[storeIndex];
        if (store.SharesTotal != Rate.One) return CommandResult.SharesNotOne;
        if (!store.SettledShareholderDays.Add(command.Day)) return CommandResult.Ok;
        var revenue = new Money(store.Days.GetValueOrDefault(command.Day).GrossFen);
        foreach (var holding in store.CapTable)
        {
            PayFromStore(storeIndex, holding.Member, revenue.Share(Config.ShareholderDividendShare, holding.Share), TransferKind.ShareholderDividend);
            if (holding.Initiator) PayFromStore(storeIndex, holding.Member, revenue.Share(Config.InitiatorBonus), TransferKind.InitiatorBonus);
        }
        return CommandResult.Ok;
    }
}
