namespace ValuePool.Storage.Journal;

/// <summary>The last entry's sequence and hash; an empty journal is sequence 0 with the genesis hash.</summary>
public readonly record struct JournalHead(long Sequence, byte[] Hash)
{
    public static JournalHead Empty => new(0, JournalHash.Genesis);
}
