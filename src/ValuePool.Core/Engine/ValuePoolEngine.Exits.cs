using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    private CommandResult Apply(Sell sale)
    {
        if (sale.Points <= Points.Zero) return CommandResult.AmountNotPositive;
        if (!_members.TryFind(sale.Member, out var member) || PointsOf(member) < sale.Points) return CommandResult.InsufficientPoints;
        var gross = SellPoints(member, sale.Points, TransferKind.SaleBurn, TransferKind.SalePayout);
        _members[member].CycleRealizedFen += gross.Fen;
        RequeueForExit(member);
        return CommandResult.Ok;
    }

    /// <summary>Burns the points, pays <c>floor2(q·p·payout)</c> from the pool, and returns the gross <c>floor2(q·p)</c>.</summary>
    private Money SellPoints(int member, Points points, TransferKind burn, TransferKind payout)
    {
        var gross = Price.ValueOf(points);
        var paid = Price.ValueOf(points, Config.Payout);
        Ledger.Post(Account.MemberPoints(member), Account.PointsIssuer, points.Units, burn);
        Ledger.Post(Account.Pool, Account.MemberCash(member), paid.Fen, payout);
        UpdatePrice();
        return gross;
    }

    private Points PointsOf(int member) => new(Ledger[Account.MemberPoints(member)]);

    /// <summary>
    /// Forced exits (出局) until none is due, lowest exit price first. Each exit sells all the
    /// member's points, which raises the price and may make the next member due.
    /// </summary>
    private void ProcessDueExits()
    {
        while (_exitQueue.TryPeek(out var member, out _) && IsExitDue(member))
        {
            SellPoints(member, PointsOf(member), TransferKind.ForcedExitBurn, TransferKind.ForcedExitPayout);
            ref var state = ref _members[member];
            state.CycleConsumedFen = 0;
            state.CycleRealizedFen = 0;
            state.Exits++;
            _exitQueue.Remove(member);
        }
    }

    /// <summary><c>H·price + R ≥ exitMultiple·C</c>, the exit rule of MODEL.md §2.</summary>
    private bool IsExitDue(int member)
    {
        ref var state = ref _members[member];
        return PointsOf(member).Value * Price.YuanPerPoint + new Money(state.CycleRealizedFen).Yuan
            >= Config.ExitMultiple.Value * new Money(state.CycleConsumedFen).Yuan;
    }

    /// <summary>Places the member in the exit queue at <c>(exitMultiple·C − R) / H</c>, or out of it when H = 0.</summary>
    private void RequeueForExit(int member)
    {
        var held = PointsOf(member);
        if (held == Points.Zero) { _exitQueue.Remove(member); return; }
        ref var state = ref _members[member];
        var target = Config.ExitMultiple.Value * new Money(state.CycleConsumedFen).Yuan - new Money(state.CycleRealizedFen).Yuan;
        _exitQueue.Set(member, target / held.Value);
    }
}
