namespace ValuePool.Server.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to ValuePool.sln).</summary>
public static class Repository
{
    public static readonly string Root = FindRoot();

    public static string Web => Path.Combine(Root, "web");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ValuePool.sln"))) return directory.FullName;
        throw new InvalidOperationException($"no ValuePool.sln above {AppContext.BaseDirectory}");
    }
}
