namespace ValuePool.Storage.Journal;

/// <summary>The journal cannot be trusted from entry <see cref="Sequence"/> on; nothing from it is loaded.</summary>
public sealed class JournalCorruptException(long sequence, string reason) : Exception(reason)
{
    public long Sequence { get; } = sequence;
}
