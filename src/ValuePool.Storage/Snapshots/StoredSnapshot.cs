namespace ValuePool.Storage.Snapshots;

/// <summary>
/// The engine's state after entry <paramref name="Sequence"/>, tied to the journal by that entry's
/// hash, with the SHA-256 of the state bytes so a damaged snapshot is never loaded.
/// </summary>
public sealed record StoredSnapshot(long Sequence, byte[] JournalHash, byte[] State, byte[] Sha256);
