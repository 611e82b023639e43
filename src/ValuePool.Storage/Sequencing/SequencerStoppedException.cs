namespace ValuePool.Storage.Sequencing;

/// <summary>
/// The sequencer has stopped (its journal refused a batch: another node took the leadership, the disk failed) and sequences
/// nothing more. A command that was in flight is answered with this; a retry under its key, on the node that sequences now,
/// applies it once or answers its first outcome.
/// </summary>
public sealed class SequencerStoppedException(string message, Exception? cause) : InvalidOperationException(message, cause);
