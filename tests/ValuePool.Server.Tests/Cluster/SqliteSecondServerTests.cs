namespace ValuePool.Server.Tests.Cluster;

public sealed class SqliteSecondServerTests
{
    [Fact]
    public async Task ASecondServerProcess_OnTheSameSqliteFile_RefusesToStart_AndSaysWhy()
    {
        var directory = Directory.CreateTempSubdirectory("valuepool-sqlite-two-").FullName;
        var db = Path.Combine(directory, "valuepool.db");
        using var first = new ServerNode("first", db, directory);
        first.Start();
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var second = new ServerNode("second", db, directory);
        second.Start();
        await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("is in use by another process", second.Output);
        // The first is untouched by the attempt.
        Assert.Equal("leader", await first.RoleAsync());
    }
}
