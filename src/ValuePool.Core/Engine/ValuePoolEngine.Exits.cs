using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

public sealed partial class ValuePoolEngine
{
    /// <summary>Prices within this relative margin of an exit price are checked exactly before anyone is passed over.</summary>
    private const double ExitPriceMargin = 1e-9;

    private CommandResult Apply(Sell sale)
    {
        if (sale.Points <= Points.Zero) return CommandResult.AmountNotPositive;
        if (!_members.TryFind(sale.Member, out var member) || PointsOf(member) < sale.Points) return CommandResult.InsufficientPoints;
        var (gross, paid) = SellPoints(member, sale.Points, TransferKind.SaleBurn, TransferKind.SalePayout);
        _members[member].CycleRealizedFen += gross.Fen;
        Outcome.Add(new PointsSold(member, sale.Points, gross, paid));
        RequeueForExit(member);
        return CommandResult.Ok;
    }

    /// <summary>Burns the points, pays <c>floor2(q·p·payout)</c> from the pool; returns the gross <c>floor2(q·p)</c> and what was paid.</summary>
    private (Money Gross, Money Paid) SellPoints(int member, Points points, TransferKind burn, TransferKind payout)
    {
        var gross = Price.ValueOf(points);
        var paid = Price.ValueOf(points, Config.Payout);
        Ledger.Post(Account.MemberPoints(member), Account.PointsIssuer, points.Units, burn);
        Ledger.Post(Account.Pool, Account.MemberCash(member), paid.Fen, payout);
        UpdatePrice();
        return (gross, paid);
    }

    private Points PointsOf(int member) => new(_members[member].PointsUnits);

    /// <summary>
    /// Forced exits (出局) until none is due, lowest exit price first, ties by member id. Each exit sells all
    /// the member's points, which raises the price and may make the next member due. Queue entries are
    /// lower bounds (see <see cref="RequeueForExit"/>): one that reaches the top stale is refreshed first.
    /// Only the approximate keys are doubles: whether the fresh top is due is the exact rule, and a due
    /// member's key is within a few ulps of its fraction, so it is always within <see cref="ExitPriceMargin"/> of reach.
    /// </summary>
    private void ProcessDueExits()
    {
        var reach = Price.ApproximateFenPerUnit * (1 + ExitPriceMargin);
        while (_exitQueue.TryPeek(out var member, out var queuedExitPrice) && queuedExitPrice <= reach)
        {
            ref var state = ref _members[member];
            if (state.ExitKeyStale)
            {
                state.ExitKeyStale = false;
                _exitQueue.Set(member, state.QueuedExitPrice = ExitPriceOf(state).Approximate);
                continue;
            }
            if (!ExitPriceOf(state).IsReachedBy(Price)) break;
            var points = PointsOf(member);
            var (gross, paid) = SellPoints(member, points, TransferKind.ForcedExitBurn, TransferKind.ForcedExitPayout);
            Outcome.Add(new ForcedExit(member, points, gross, paid));
            state.CycleConsumedFen = 0;
            state.CycleRealizedFen = 0;
            state.Exits++;
            state.QueuedExitPrice = double.NaN;
            _exitQueue.Remove(member);
            reach = Price.ApproximateFenPerUnit * (1 + ExitPriceMargin);
        }
    }

    /// <summary>
    /// Keeps the member's queue entry at or below their exit price <c>(exitMultiple·C − R) / H</c>.
    /// An order usually raises it; then the old entry stays as a lower bound, marked stale, and the heap is
    /// not touched (most orders), to be refreshed only if it reaches the top while the price is near.
    /// The mark, not a comparison of doubles, says stale: a change smaller than a double's ulp is still seen.
    /// </summary>
    private void RequeueForExit(int member)
    {
        ref var state = ref _members[member];
        if (state.PointsUnits == 0)
        {
            state.QueuedExitPrice = double.NaN;
            state.ExitKeyStale = false;
            _exitQueue.Remove(member);
            return;
        }
        var exitPrice = ExitPriceOf(state).Approximate;
        if (exitPrice > state.QueuedExitPrice)
        {
            state.ExitKeyStale = true;
            return;
        }
        state.ExitKeyStale = false;
        _exitQueue.Set(member, state.QueuedExitPrice = exitPrice);
    }

    private ExitPrice ExitPriceOf(in Member state) =>
        ExitPrice.Of(Config.ExitMultiple, state.CycleConsumedFen, state.CycleRealizedFen, state.PointsUnits);

    /// <summary>Orders two members by their exact exit prices as fractions, then by id (ordinal).</summary>
    private int CompareExitPricesExactly(int a, int b)
    {
        var byPrice = ExitPriceOf(_members[a]).CompareTo(ExitPriceOf(_members[b]));
        return byPrice != 0 ? byPrice : string.CompareOrdinal(_members.Ids[a], _members.Ids[b]);
    }
}
