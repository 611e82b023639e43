using ValuePool.Core.Engine;

namespace ValuePool.Storage.Sequencing;

/// <summary>
/// Sees each command as the sequencer applies it, while <see cref="ValuePoolEngine.Ledger"/> still
/// holds its transaction, and learns when the batch is durable. Both calls run on the sequencer's
/// thread: keep them short, and publish nothing before <see cref="Committed"/>.
/// </summary>
public interface ISequencerObserver
{
    void Applied(long sequence, string idempotencyKey, Command command, IEngineView engine);

    /// <summary>Every command reported since the last call is now durable.</summary>
    void Committed();
}
