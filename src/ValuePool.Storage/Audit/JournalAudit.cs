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
}

/// <summary>
/// `valuepool audit verify`: replays the whole journal from the first entry in a fresh engine,
/// checking every entry's chain, hash, result and transaction digest (<see cref="EntryReplay"/>),
/// that no idempotency key repeats, that each snapshot equals the replayed state at its entry, and
/// that the projected member balances equal the replayed ones. Stops at the first problem.
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
        try
        {
            foreach (var entry in JournalReading.From(store, 1))
            {
                EntryReplay.Apply(engine, entry, head);
                head = new JournalHead(entry.Sequence, entry.Hash);
                if (!keys.Add(entry.IdempotencyKey))
                    return Fail(head, snapshotCount, $"entry {entry.Sequence}: idempotency key \"{entry.IdempotencyKey}\" was used before");
                if (snapshots.TryPeek(out var next) && next == head.Sequence && SnapshotProblem(store, snapshots.Dequeue(), engine, head) is { } problem)
                    return Fail(head, snapshotCount, problem);
            }
        }
        catch (JournalCorruptException corrupt)
        {
            return Fail(head, snapshotCount, corrupt.Message);
        }
        if (snapshots.Count > 0) return Fail(head, snapshotCount, $"snapshot {snapshots.Peek()}: beyond the last entry {head.Sequence}");
        if (engine.Ledger.Total(Asset.Money) != 0 || engine.Ledger.Total(Asset.Points) != 0)
            return Fail(head, snapshotCount, "the ledger's accounts do not sum to zero after replay");
        return CompareProjections(store, engine, head, snapshotCount);
    }

    private static string? SnapshotProblem(IJournalStore store, long sequence, ValuePoolEngine engine, JournalHead head)
    {
        var snapshot = store.LoadSnapshot(sequence)!;
        if (EngineSnapshot.Problem(snapshot, head.Hash) is { } problem) return problem;
        return EngineSnapshot.StateOf(engine).AsSpan().SequenceEqual(snapshot.State)
            ? null
            : $"snapshot {sequence}: differs from the state replayed up to entry {sequence}";
    }

    /// <summary>Stored balances must equal replayed ones, member by member, when the projections are up to date.</summary>
    private static AuditReport CompareProjections(IJournalStore store, ValuePoolEngine engine, JournalHead head, int snapshotCount)
    {
        var checkpoint = store.ProjectionCheckpoint();
        if (checkpoint == 0) return new AuditReport(head.Sequence, snapshotCount, 0, null);
        if (checkpoint != head.Sequence) return Fail(head, snapshotCount, $"projections stop at entry {checkpoint}, the journal at {head.Sequence}");
        var stored = store.Queries.AllBalances().ToDictionary(row => row.Member, StringComparer.Ordinal);
        var compared = 0;
        foreach (var id in engine.MemberIdsOrdinal())
        {
            var member = engine.FindMember(id)!;
            var row = stored.Remove(id, out var found) ? found : new MemberBalanceRow(id, 0, 0);
            if (row.CashFen != member.Cash.Fen || row.PointsUnits != member.Points.Units)
                return Fail(head, snapshotCount, $"member {id}: stored balance (cash {row.CashFen} fen, {row.PointsUnits} point units) differs from replay (cash {member.Cash.Fen}, {member.Points.Units})");
            compared++;
        }
        if (stored.Count > 0) return Fail(head, snapshotCount, $"member {stored.Keys.First()}: has a stored balance but no journal entry");
        return new AuditReport(head.Sequence, snapshotCount, compared, null);
    }

    private static AuditReport Fail(JournalHead head, int snapshots, string problem) => new(head.Sequence, snapshots, 0, problem);
}
