using System.Security.Cryptography;
using ValuePool.Core.Engine;
using ValuePool.Storage.Codec;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Snapshots;

/// <summary>
/// Takes and loads snapshots. A snapshot is verified twice before it counts: when taken, its bytes
/// are loaded back into a fresh engine and written again, and must come out identical (so a state
/// the format misses cannot slip through); when loaded, its SHA-256 and its journal hash must match.
/// `audit verify` checks the third property: replaying the journal up to it gives the same bytes.
/// </summary>
public static class EngineSnapshot
{
    public static byte[] StateOf(ValuePoolEngine engine)
    {
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer))
        {
            output.Write(EngineConfigJson.Write(engine.Config));
            engine.WriteState(output);
        }
        return buffer.ToArray();
    }

    public static ValuePoolEngine Restore(byte[] state)
    {
        using var input = new BinaryReader(new MemoryStream(state, writable: false));
        var config = EngineConfigJson.Read(input.ReadString());
        var engine = ValuePoolEngine.ReadState(input, config);
        if (input.BaseStream.Position != state.Length) throw new InvalidDataException("snapshot has trailing bytes");
        return engine;
    }

    /// <summary>Snapshot of <paramref name="engine"/> at <paramref name="head"/>, verified by a round trip.</summary>
    public static StoredSnapshot Take(ValuePoolEngine engine, JournalHead head)
    {
        var state = StateOf(engine);
        if (!StateOf(Restore(state)).AsSpan().SequenceEqual(state))
            throw new InvalidOperationException($"snapshot at {head.Sequence} does not survive a round trip: the state format misses something");
        return new StoredSnapshot(head.Sequence, head.Hash, state, SHA256.HashData(state));
    }

    /// <summary>Why the snapshot cannot be trusted, or null.</summary>
    public static string? Problem(StoredSnapshot snapshot, byte[] journalHashAtSequence)
    {
        if (!SHA256.HashData(snapshot.State).AsSpan().SequenceEqual(snapshot.Sha256)) return $"snapshot {snapshot.Sequence}: SHA-256 of its state does not match";
        if (!journalHashAtSequence.AsSpan().SequenceEqual(snapshot.JournalHash)) return $"snapshot {snapshot.Sequence}: taken on a different journal (entry hash differs)";
        return null;
    }
}
