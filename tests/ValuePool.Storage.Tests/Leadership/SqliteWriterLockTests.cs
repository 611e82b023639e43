using ValuePool.Storage.Sqlite;

namespace ValuePool.Storage.Tests.Leadership;

public sealed class SqliteWriterLockTests
{
    [Fact]
    public void ASecondWriter_IsRefused_UntilTheFirstLetsGo()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("valuepool-lock-").FullName, "valuepool.db");
        var first = SqliteWriterLock.Take(path);
        var refused = Assert.Throws<StoreInUseException>(() => SqliteWriterLock.Take(path));
        Assert.Contains("in use by another process", refused.Message);
        first.Dispose();
        SqliteWriterLock.Take(path).Dispose();
    }
}
