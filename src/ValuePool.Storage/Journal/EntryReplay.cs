using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Storage.Codec;

namespace ValuePool.Storage.Journal;

/// <summary>
/// Applies one stored entry to an engine and checks it on the way, the same way for recovery,
/// projection rebuilds and the audit: the entry follows its predecessor, its hash covers its
/// contents, the command decodes, and the engine gives the recorded result and a balanced
/// transaction with the recorded digest. The first failing check names the entry.
/// </summary>
public static class EntryReplay
{
    /// <summary>Applies <paramref name="entry"/>, or throws <see cref="JournalCorruptException"/>.</summary>
    public static Command Apply(ValuePoolEngine engine, JournalEntry entry, JournalHead previous)
    {
        var sequence = entry.Sequence;
        if (sequence != previous.Sequence + 1)
            throw new JournalCorruptException(previous.Sequence + 1, $"entry {previous.Sequence + 1}: missing (next stored entry is {sequence})");
        if (!entry.PreviousHash.AsSpan().SequenceEqual(previous.Hash))
            throw new JournalCorruptException(sequence, $"entry {sequence}: previous hash does not match entry {previous.Sequence}");
        var hash = JournalHash.EntryHash(entry.PreviousHash, sequence, entry.IdempotencyKey, entry.Command, entry.Result, entry.TransactionDigest);
        if (!hash.AsSpan().SequenceEqual(entry.Hash))
            throw new JournalCorruptException(sequence, $"entry {sequence}: hash does not match its contents");
        var command = Decode(entry);
        var result = engine.Apply(command);
        if (result != entry.Result)
            throw new JournalCorruptException(sequence, $"entry {sequence}: replay gives {result}, the journal recorded {entry.Result}");
        var transfers = engine.Ledger.CurrentTransaction;
        if (!Balances(transfers))
            throw new JournalCorruptException(sequence, $"entry {sequence}: the transaction does not balance");
        if (!JournalHash.TransactionDigest(result, transfers).AsSpan().SequenceEqual(entry.TransactionDigest))
            throw new JournalCorruptException(sequence, $"entry {sequence}: replay produces a different transaction than the one recorded");
        return command;
    }

    /// <summary>
    /// A transfer is a debit and a credit of the same amount, so a transaction balances when every
    /// transfer moves a positive amount within one asset (money never pays for points here).
    /// </summary>
    public static bool Balances(IReadOnlyList<Transfer> transfers) =>
        transfers.All(transfer => transfer.Amount > 0 && transfer.From.Asset == transfer.To.Asset);

    private static Command Decode(JournalEntry entry)
    {
        try { return CommandCodec.Decode(entry.Command); }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
            throw new JournalCorruptException(entry.Sequence, $"entry {entry.Sequence}: command does not decode: {e.Message}");
        }
    }
}
