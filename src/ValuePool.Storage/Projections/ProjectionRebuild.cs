using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Projections;

/// <summary>
/// Rebuilds every projection from the journal alone: empties them, replays each entry (checked)
/// through a fresh engine, and writes the rows chunk by chunk. Used when projections were off or
/// their format changed; the result equals what the sequencer wrote as it went. The application's rows
/// (<paramref name="applications"/>) are written again, not emptied first: they are written idempotently.
/// </summary>
public static class ProjectionRebuild
{
    public static void Run(IJournalStore store, IReadOnlyList<IEntryProjection>? applications = null)
    {
        store.ResetProjections();
        var engine = new ValuePoolEngine();
        var projector = new Projector(applications);
        var head = JournalHead.Empty;
        var pending = 0;
        foreach (var entry in JournalReading.From(store, 1))
        {
            var command = EntryReplay.Apply(engine, entry, head);
            projector.Observe(entry.Sequence, entry.IdempotencyKey, command, engine);
            head = new JournalHead(entry.Sequence, entry.Hash);
            if (++pending < JournalReading.ChunkEntries) continue;
            store.WriteProjections(projector.Flush(head.Sequence, engine));
            pending = 0;
        }
        store.WriteProjections(projector.Flush(head.Sequence, engine));
    }
}
