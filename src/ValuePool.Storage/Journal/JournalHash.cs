using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Storage.Journal;

/// <summary>
/// The two SHA-256 digests of the journal. The transaction digest covers what a command did (its
/// result and every transfer, in order); the entry hash chains an entry to the one before it, so
/// changing, dropping or reordering any entry breaks every hash after it.
/// </summary>
public static class JournalHash
{
    public const int Bytes = 32;
    public static byte[] Genesis => new byte[Bytes];

    /// <summary>Bytes per transfer: kind, from (kind, owner), to (kind, owner), amount.</summary>
    private const int TransferBytes = 1 + 1 + 4 + 1 + 4 + 8;

    public static byte[] TransactionDigest(CommandResult result, IReadOnlyList<Transfer> transfers)
    {
        var length = 2 + transfers.Count * TransferBytes;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan(0, length);
            BinaryPrimitives.WriteInt16LittleEndian(span, (short)result);
            var at = 2;
            foreach (var transfer in transfers)
            {
                span[at] = (byte)transfer.Kind;
                span[at + 1] = (byte)transfer.From.Kind;
                BinaryPrimitives.WriteInt32LittleEndian(span[(at + 2)..], transfer.From.Owner);
                span[at + 6] = (byte)transfer.To.Kind;
                BinaryPrimitives.WriteInt32LittleEndian(span[(at + 7)..], transfer.To.Owner);
                BinaryPrimitives.WriteInt64LittleEndian(span[(at + 11)..], transfer.Amount);
                at += TransferBytes;
            }
            return SHA256.HashData(span);
        }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <summary>SHA-256 of previous hash ‖ sequence ‖ key ‖ command ‖ result ‖ transaction digest (lengths prefixed).</summary>
    public static byte[] EntryHash(byte[] previousHash, long sequence, string key, byte[] command, CommandResult result, byte[] transactionDigest)
    {
        var keyBytes = Encoding.UTF8.GetByteCount(key);
        var length = Bytes + 8 + 4 + keyBytes + 4 + command.Length + 2 + Bytes;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan(0, length);
            previousHash.CopyTo(span);
            var at = Bytes;
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], sequence); at += 8;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], keyBytes); at += 4;
            at += Encoding.UTF8.GetBytes(key, span[at..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], command.Length); at += 4;
            command.CopyTo(span[at..]); at += command.Length;
            BinaryPrimitives.WriteInt16LittleEndian(span[at..], (short)result); at += 2;
            transactionDigest.CopyTo(span[at..]);
            return SHA256.HashData(span);
        }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <summary>Builds the entry for a command the engine has just applied.</summary>
    public static JournalEntry Seal(JournalHead previous, string key, byte[] command, CommandResult result, IReadOnlyList<Transfer> transfers)
    {
        var sequence = previous.Sequence + 1;
        var digest = TransactionDigest(result, transfers);
        return new JournalEntry(sequence, key, command, result, digest, previous.Hash,
            EntryHash(previous.Hash, sequence, key, command, result, digest));
    }
}
