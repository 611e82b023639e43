using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Sequencing;

/// <summary>The engine rebuilt from a store, and what was found on the way.</summary>
public sealed record RecoveredState(ValuePoolEngine Engine, JournalHead Head, long SnapshotSequence, IReadOnlyList<string> SkippedSnapshots);

/// <summary>
/// Start-up: the newest snapshot that passes its checks, then every later journal entry replayed
/// and checked (<see cref="EntryReplay"/>). A snapshot that fails is skipped for an older one (or
/// none) and reported; a journal entry that fails stops recovery with <see cref="JournalCorruptException"/>,
/// because loading past it would serve a state the journal does not prove. <paramref name="replayed"/> sees each
/// entry replayed after the snapshot, with the engine right after it (to catch projections up).
/// </summary>
public static class Recovery
{
    public static RecoveredState Run(IJournalStore store, Action<JournalEntry, Command, ValuePoolEngine>? replayed = null)
    {
        var skipped = new List<string>();
        var (engine, head) = (new ValuePoolEngine(), JournalHead.Empty);
        foreach (var sequence in store.SnapshotSequences())
        {
            var snapshot = store.LoadSnapshot(sequence)!;
            var problem = EngineSnapshot.Problem(snapshot, store.Find(snapshot.Sequence)?.Hash ?? []);
            if (problem is not null) { skipped.Add(problem); continue; }
            (engine, head) = (EngineSnapshot.Restore(snapshot.State), new JournalHead(snapshot.Sequence, snapshot.JournalHash));
            break;
        }
        var snapshotSequence = head.Sequence;
        foreach (var entry in JournalReading.From(store, head.Sequence + 1))
        {
            var command = EntryReplay.Apply(engine, entry, head);
            replayed?.Invoke(entry, command, engine);
            head = new JournalHead(entry.Sequence, entry.Hash);
        }
        return new RecoveredState(engine, head, snapshotSequence, skipped);
    }
}
