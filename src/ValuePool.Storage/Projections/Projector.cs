using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Storage.Projections;

/// <summary>
/// Turns applied commands into projection rows: it watches each command's transfers right after the
/// engine applied it, and at the end of a batch reads the touched members' balances. Every row
/// depends only on the journal (never on how entries were batched), so a rebuild gives the same rows.
/// The application's rows (<paramref name="applications"/>) travel in the same batch.
/// </summary>
public sealed class Projector(IReadOnlyList<IEntryProjection>? applications = null)
{
    private readonly HashSet<int> _touchedMembers = new();
    private readonly List<MemberHistoryRow> _history = new();
    private readonly Dictionary<(int Store, DateOnly Day), (long RevenueFen, long NetFen, long Orders)> _revenue = new();
    private readonly Dictionary<long, PriceRow> _prices = new();
    private readonly Dictionary<int, (long CashFen, long PointsUnits)> _deltas = new();

    /// <summary>Records what <paramref name="command"/> (entry <paramref name="sequence"/>) just did in <paramref name="engine"/>.</summary>
    public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine)
    {
        foreach (var application in applications ?? []) application.Observe(sequence, idempotencyKey, command, engine);
        var transfers = engine.Outcome.Transfers;
        if (transfers.Count == 0) return;
        _deltas.Clear();
        foreach (var transfer in transfers)
        {
            AddDelta(transfer.From, -transfer.Amount);
            AddDelta(transfer.To, transfer.Amount);
        }
        foreach (var order in engine.Outcome.Orders)
            if (order.Store != OrderBooked.NoStore) AddRevenue(order.Store, DateOnly.FromDateTime(command.At.UtcDateTime), order.Charged.Fen, order.Net.Fen);
        foreach (var (member, (cash, points)) in _deltas)
        {
            _touchedMembers.Add(member);
            _history.Add(new MemberHistoryRow(sequence, engine.MemberIdAt(member), cash, points));
        }
        var minute = command.At.ToUnixTimeSeconds() / 60;
        _prices[minute] = new PriceRow(minute, sequence, engine.Pool.Fen, engine.CirculatingPoints.Units, engine.Price);
    }

    /// <summary>The rows since the last call, up to entry <paramref name="checkpoint"/>; starts a new batch.</summary>
    public ProjectionBatch Flush(long checkpoint, ValuePoolEngine engine)
    {
        var batch = new ProjectionBatch(
            checkpoint,
            _touchedMembers.Order().Select(m => new MemberBalanceRow(engine.MemberIdAt(m),
                engine.Ledger[Account.MemberCash(m)], engine.Ledger[Account.MemberPoints(m)])).ToList(),
            _history.ToList(),
            _revenue.Select(r => new StoreRevenueRow(engine.StoreIdAt(r.Key.Store), r.Key.Day, r.Value.RevenueFen, r.Value.NetFen, r.Value.Orders)).ToList(),
            _prices.Values.ToList(),
            (applications ?? []).SelectMany(application => application.Flush()).ToList());
        _touchedMembers.Clear();
        _history.Clear();
        _revenue.Clear();
        _prices.Clear();
        return batch;
    }

    private void AddDelta(Account account, long amount)
    {
        if (account.Kind is not (AccountKind.MemberCash or AccountKind.MemberPoints)) return;
        _deltas.TryGetValue(account.Owner, out var delta);
        _deltas[account.Owner] = account.Kind == AccountKind.MemberCash
            ? (delta.CashFen + amount, delta.PointsUnits)
            : (delta.CashFen, delta.PointsUnits + amount);
    }

    private void AddRevenue(int store, DateOnly day, long revenueFen, long netFen)
    {
        _revenue.TryGetValue((store, day), out var total);
        _revenue[(store, day)] = (total.RevenueFen + revenueFen, total.NetFen + netFen, total.Orders + 1);
    }
}
