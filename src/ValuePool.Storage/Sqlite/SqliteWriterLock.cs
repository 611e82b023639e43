namespace ValuePool.Storage.Sqlite;

/// <summary>
/// One process writes a SQLite journal: an exclusive lock (flock) on <c>&lt;file&gt;.lock</c> beside it, held while the
/// process runs and released by the operating system when it ends, however it ends. A second server on the same file is
/// refused before it recovers anything, with <see cref="StoreInUseException"/>; readers (the audit) take no lock.
/// </summary>
public sealed class SqliteWriterLock : IDisposable
{
    private readonly FileStream _lock;

    private SqliteWriterLock(FileStream held) => _lock = held;

    public static SqliteWriterLock Take(string databasePath)
    {
        var path = Path.GetFullPath(databasePath) + ".lock";
        try
        {
            // FileShare.None is an exclusive flock on Unix (and a sharing mode on Windows): a second holder fails at once.
            return new SqliteWriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new StoreInUseException(
                $"{databasePath} is in use by another process (it holds {path}): only one server may write a SQLite journal. " +
                "Stop the other one, or run several nodes on PostgreSQL (docs/DEPLOYMENT.md).", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
