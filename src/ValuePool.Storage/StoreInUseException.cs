namespace ValuePool.Storage;

/// <summary>Another process writes this store; this one may not (see <see cref="Sqlite.SqliteWriterLock"/>).</summary>
public sealed class StoreInUseException(string message, Exception inner) : Exception(message, inner);
