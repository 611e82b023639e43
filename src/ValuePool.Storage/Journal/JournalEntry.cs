using ValuePool.Core.Engine;

namespace ValuePool.Storage.Journal;

/// <summary>
/// One row of the append-only journal: a command as it was applied, the SHA-256 digest of the
/// transaction it produced, and the hash chain. Postings are not stored: the engine is deterministic,
/// so replaying the command reproduces them, and the digest proves it did.
/// </summary>
public sealed record JournalEntry(
    long Sequence,
    string IdempotencyKey,
    byte[] Command,
    CommandResult Result,
    byte[] TransactionDigest,
    byte[] PreviousHash,
    byte[] Hash);
