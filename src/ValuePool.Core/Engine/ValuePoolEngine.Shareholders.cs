using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Store shareholders (门店股东, MODEL.md §5): the cap table and daily dividends.</summary>
public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// Adds a line to the cap table. The investment is recorded, not posted: shareholders pay the
    /// store's initiator outside the platform, and REPLAY.md's store balance does not include it.
    /// </summary>
    private CommandResult Apply(AddShareholder command)
    {
        if (string.IsNullOrEmpty(command.Member)) return CommandResult.InvalidId;
        if (!_stores.TryFind(command.Store, out var storeIndex)) return CommandResult.UnknownStore;
        if (command.Share <= Rate.Zero || command.Invested < Money.Zero) return CommandResult.AmountNotPositive;
        var store = _stores[storeIndex];
        if (store.SharesTotal + command.Share > Rate.One) return CommandResult.SharesAboveOne;
        store.CapTable.Add(new Shareholding(_members.GetOrAdd(command.Member), command.Share, command.Invested, command.Initiator));
        store.SharesTotal += command.Share;
        return CommandResult.Ok;
    }

    /// <summary>Each holder gets <c>floor2(R·58%·share)</c> of the day's gross revenue R, the initiator also <c>floor2(R·2%)</c>.</summary>
    private CommandResult Apply(SettleShareholders command)
    {
        if (!_stores.TryFind(command.Store, out var storeIndex)) return CommandResult.UnknownStore;
        var store = _stores[storeIndex];
        if (store.SharesTotal != Rate.One) return CommandResult.SharesNotOne;
        if (!store.SettledShareholderDays.Add(command.Day)) return CommandResult.Ok;
        var revenue = new Money(store.Days.GetValueOrDefault(command.Day).GrossFen);
        var payer = Account.StoreReceivable(storeIndex);
        foreach (var holding in store.CapTable)
        {
            Ledger.Post(payer, Account.MemberCash(holding.Member), revenue.Share(Config.ShareholderDividendShare, holding.Share).Fen, TransferKind.ShareholderDividend);
            if (holding.Initiator)
                Ledger.Post(payer, Account.MemberCash(holding.Member), revenue.Share(Config.InitiatorBonus).Fen, TransferKind.InitiatorBonus);
        }
        return CommandResult.Ok;
    }
}
