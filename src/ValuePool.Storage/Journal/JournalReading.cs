namespace ValuePool.Storage.Journal;

public static class JournalReading
{
    /// <summary>Entries this many at a time: big enough to amortise a query, small enough to hold in memory.</summary>
    public const int ChunkEntries = 10_000;

    /// <summary>Every entry from <paramref name="firstSequence"/> to the end, read chunk by chunk.</summary>
    public static IEnumerable<JournalEntry> From(IJournalStore store, long firstSequence)
    {
        while (true)
        {
            var chunk = store.ReadFrom(firstSequence, ChunkEntries);
            foreach (var entry in chunk) yield return entry;
            if (chunk.Count < ChunkEntries) yield break;
            firstSequence = chunk[^1].Sequence + 1;
        }
    }
}
