using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Holdings;

/// <summary>One holder's line: what they hold at the snapshot's sequence.</summary>
public sealed record HoldingsLine(string Member, Points Points, Money Cash, ShoppingPoints ShoppingPoints);

/// <summary>
/// The holdings snapshot of MODEL.md §6: every member's points, cash and shopping points just after journal entry
/// <see cref="Sequence"/>, the point price as its exact fraction, and that entry's hash, so that each holder can check
/// their line and anyone can replay the journal to check the whole. Members in ordinal order of their ids.
/// </summary>
public sealed record HoldingsSnapshot(long Sequence, string JournalHash, PointPrice Price, IReadOnlyList<HoldingsLine> Lines)
{
    /// <summary>
    /// The snapshot at <paramref name="sequence"/>: the newest stored engine snapshot at or before it (checked against the
    /// journal), then every entry up to it replayed and checked as recovery does. Null, with the reason, for a sequence
    /// beyond the journal's last entry or a journal that does not verify up to it.
    /// </summary>
    public static HoldingsSnapshot? At(IJournalStore store, long sequence, out string? problem)
    {
        problem = null;
        var last = store.ReadHead().Sequence;
        if (sequence < 0 || sequence > last)
        {
            problem = $"sequence {sequence} is not in the journal (0 to {last})";
            return null;
        }
        try
        {
            var (engine, head) = Start(store, sequence);
            foreach (var entry in JournalReading.From(store, head.Sequence + 1))
            {
                if (entry.Sequence > sequence) break;
                EntryReplay.Apply(engine, entry, head);
                head = new JournalHead(entry.Sequence, entry.Hash);
            }
            return Of(engine, head);
        }
        catch (JournalCorruptException corrupt)
        {
            problem = corrupt.Message;
            return null;
        }
    }

    /// <summary>The engine's holdings now, at <paramref name="head"/>.</summary>
    public static HoldingsSnapshot Of(IEngineView engine, JournalHead head) =>
        new(head.Sequence, Convert.ToHexStringLower(head.Hash), engine.Price, engine.MemberIdsOrdinal()
            .Select(id => engine.FindMember(id)!)
            .Select(member => new HoldingsLine(member.Id, member.Points, member.Cash, member.ShoppingPoints))
            .ToArray());

    /// <summary>The line of <paramref name="member"/>, or null when the journal did not know them at this sequence.</summary>
    public HoldingsLine? LineOf(string member) => Lines.FirstOrDefault(line => line.Member == member);

    /// <summary>The newest trustworthy stored snapshot at or before <paramref name="sequence"/>, else an empty engine.</summary>
    private static (ValuePoolEngine Engine, JournalHead Head) Start(IJournalStore store, long sequence)
    {
        foreach (var at in store.SnapshotSequences().Where(at => at <= sequence && at > 0))
        {
            var snapshot = store.LoadSnapshot(at);
            var entry = store.Find(at);
            if (snapshot is null || entry is null || EngineSnapshot.Problem(snapshot, entry.Hash) is not null) continue;
            return (EngineSnapshot.Restore(snapshot.State), new JournalHead(at, entry.Hash));
        }
        return (new ValuePoolEngine(), JournalHead.Empty);
    }
}
