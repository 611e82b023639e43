using System.Numerics;
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

    private Points PointsOf(int member) => new(_members[member].PointsUnits);

    /// <summary>
    /// Forced exits (出局) until none is due, lowest exit price first. Each exit sells all the
    /// member's points, which raises the price and may make the next member due. Queue entries are
    /// lower bounds (see <see cref="RequeueForExit"/>): one that reaches the top stale is refreshed first.
    /// </summary>
    private void ProcessDueExits()
    {
        var reach = _priceAsDouble * (1 + ExitPriceMargin);
        while (_exitQueue.TryPeek(out var member, out var queuedExitPrice) && queuedExitPrice <= reach)
        {
            ref var state = ref _members[member];
            var exitPrice = ExitPriceOf(state);
            if (exitPrice != queuedExitPrice)
            {
                _exitQueue.Set(member, state.QueuedExitPrice = exitPrice);
                continue;
            }
            if (!IsExitDue(member)) break;
            SellPoints(member, PointsOf(member), TransferKind.ForcedExitBurn, TransferKind.ForcedExitPayout);
            state.CycleConsumedFen = 0;
            state.CycleRealizedFen = 0;
            state.Exits++;
            state.QueuedExitPrice = double.NaN;
            _exitQueue.Remove(member);
            reach = _priceAsDouble * (1 + ExitPriceMargin);
        }
    }

    /// <summary><c>H·price + R ≥ exitMultiple·C</c>, the exit rule of MODEL.md §2, in exact decimals.</summary>
    private bool IsExitDue(int member)
    {
        ref var state = ref _members[member];
        return PointsOf(member).Value * Price.YuanPerPoint + new Money(state.CycleRealizedFen).Yuan
            >= Config.ExitMultiple.Value * new Money(state.CycleConsumedFen).Yuan;
    }

    /// <summary>
    /// Keeps the member's queue entry at or below their exit price <c>(exitMultiple·C − R) / H</c>.
    /// An order usually raises it; then the old entry stays as a lower bound and the heap is not
    /// touched (most orders), to be refreshed only if it reaches the top while the price is near.
    /// </summary>
    private void RequeueForExit(int member)
    {
        ref var state = ref _members[member];
        if (state.PointsUnits == 0)
        {
            state.QueuedExitPrice = double.NaN;
            _exitQueue.Remove(member);
            return;
        }
        var exitPrice = ExitPriceOf(state);
        if (exitPrice > state.QueuedExitPrice) return;
        _exitQueue.Set(member, state.QueuedExitPrice = exitPrice);
    }

    private double ExitPriceOf(in Member state) =>
        ((double)Config.ExitMultiple.PartsPerMillion * state.CycleConsumedFen / Rate.OneMillion - state.CycleRealizedFen)
        / 100.0 / (state.PointsUnits / (double)Points.UnitsPerPoint);

    /// <summary>Orders two members by their exact exit prices as fractions, then by id (ordinal).</summary>
    private int CompareExitPricesExactly(int a, int b)
    {
        ref var x = ref _members[a];
        ref var y = ref _members[b];
        var byPrice = (ExactExitNumerator(x) * y.PointsUnits).CompareTo(ExactExitNumerator(y) * x.PointsUnits);
        return byPrice != 0 ? byPrice : string.CompareOrdinal(_members.Ids[a], _members.Ids[b]);
    }

    /// <summary><c>exitMultiple·C − R</c> in fen-millionths: with H, the exit price as an exact fraction.</summary>
    private BigInteger ExactExitNumerator(in Member state) =>
        (BigInteger)Config.ExitMultiple.PartsPerMillion * state.CycleConsumedFen - (BigInteger)state.CycleRealizedFen * Rate.OneMillion;
}
