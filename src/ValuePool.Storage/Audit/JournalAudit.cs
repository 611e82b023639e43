using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Audit;

/// <summary>What the audit checked, and the first problem it found (null: none).</summary>
public sealed record AuditReport(long Entries, int Snapshots, int MembersCompared, string? Problem)
{
    public bool Passed => Problem is null;
    /// <summary>MODEL.md §8's figures at the journal's last entry (null when the audit stopped before it).</summary>
    public Solvency? Solvency { get; init; }
}

/// <summary>
/// `valuepool audit verify`: replays the whole journal from the first entry in a fresh engine,
/// checking every entry's chain, hash, result and transaction digest (<see cref="EntryReplay"/>),
/// that no idempotency key repeats, that each snapshot equals the replayed state at its entry, and
/// that the projected member balances equal the replayed ones at the projections' checkpoint (which may
/// lag the journal's last entry: the next start catches them up), and that the platform is solvent (MODEL.md §8) at
/// every snapshot and at the last entry. Stops at the first problem.
/// </summary>
public static class JournalAudit
{
    public static AuditReport Run(IJournalStore store)
    {
        var engine = new ValuePoolEngine();
        var head = JournalHead.Empty;
        var snapshots = new Queue<long>(store.SnapshotSequences().Order());
        var snapshotCount = snapshots.Count;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var (checkpoint, balances) = ProjectedBalances(store);
        var membersCompared = 0;
        try
        {
            foreach (var entry in JournalReading.From(store, 1))
            {
                EntryReplay.Apply(engine, entry, head);
                head = new JournalHead(entry.Sequence, entry.Hash);
                if (!keys.Add(entry.IdempotencyKey))
                    return Fail(head, snapshotCount, $"entry {entry.Sequence}: idempotency key \"{entry.IdempotencyKey}\" was used before");
                if (snapshots.TryPeek(out var next) && next == head.Sequence
                    && (SnapshotProblem(store, snapshots.Dequeue(), engine, head) ?? SolvencyProblem(engine, head)) is { } problem)
                    return Fail(head, snapshotCount, problem);
                if (head.Sequence == checkpoint && BalancesProblem(balances, engine, out membersCompared) is { } balancesProblem)
                    return Fail(head, snapshotCount, balancesProblem);
            }
        }
        catch (JournalCorruptException corrupt)
        {
            return Fail(head, snapshotCount, corrupt.Message);
        }
        if (snapshots.Count > 0) return Fail(head, snapshotCount, $"snapshot {snapshots.Peek()}: beyond the last entry {head.Sequence}");
        if (engine.Ledger.Total(Asset.Money) != 0 || engine.Ledger.Total(Asset.Points) != 0)
            return Fail(head, snapshotCount, "the ledger's accounts do not sum to zero after replay");
        if (checkpoint > head.Sequence) return Fail(head, snapshotCount, $"projections stop at entry {checkpoint}, beyond the journal's last entry {head.Sequence}");
        if (SolvencyProblem(engine, head) is { } insolvent) return Fail(head, snapshotCount, insolvent);
        return new AuditReport(head.Sequence, snapshotCount, membersCompared, null) { Solvency = Solvency.Of(engine.Ledger) };
    }

    private static string? SolvencyProblem(ValuePoolEngine engine, JournalHead head)
    {
        var solvency = Solvency.Of(engine.Ledger);
        return solvency.Holds ? null : $"entry {head.Sequence}: insolvent: {solvency}";
    }

    private static string? SnapshotProblem(IJournalStore store, long sequence, ValuePoolEngine engine, JournalHead head)
    {
        var snapshot = store.LoadSnapshot(sequence)!;
        if (EngineSnapshot.Problem(snapshot, head.Hash) is { } problem) return problem;
        return EngineSnapshot.StateOf(engine).AsSpan().SequenceEqual(snapshot.State)
            ? null
            : $"snapshot {sequence}: differs from the state replayed up to entry {sequence}";
    }

    /// <summary>Stored balances must equal replayed ones, member by member, with the engine replayed up to the projections' checkpoint.</summary>
    private static string? BalancesProblem(IReadOnlyList<MemberBalanceRow> balances, ValuePoolEngine engine, out int compared)
    {
        compared = 0;
        var stored = balances.ToDictionary(row => row.Member, StringComparer.Ordinal);
        foreach (var id in engine.MemberIdsOrdinal())
        {
            var member = engine.FindMember(id)!;
            var row = stored.Remove(id, out var found) ? found : new MemberBalanceRow(id, 0, 0);
            if (row.CashFen != member.Cash.Fen || row.PointsUnits != member.Points.Units)
                return $"member {id}: stored balance (cash {row.CashFen} fen, {row.PointsUnits} point units) differs from replay (cash {member.Cash.Fen}, {member.Points.Units})";
            compared++;
        }
        return stored.Count > 0 ? $"member {stored.Keys.First()}: has a stored balance but no journal entry" : null;
    }

    /// <summary>
    /// The stored balances with the checkpoint they belong to, read again if a running sequencer wrote projections in
    /// between: the checkpoint grows with every write, so an unchanged one means the balances are of that checkpoint.
    /// </summary>
    private static (long Checkpoint, IReadOnlyList<MemberBalanceRow> Balances) ProjectedBalances(IJournalStore store)
    {
        while (true)
        {
            var checkpoint = store.ProjectionCheckpoint();
            var balances = store.Queries.AllBalances();
            if (store.ProjectionCheckpoint() == checkpoint) return (checkpoint, balances);
        }
    }

    private static AuditReport Fail(JournalHead head, int snapshots, string problem) => new(head.Sequence, snapshots, 0, problem);
}
