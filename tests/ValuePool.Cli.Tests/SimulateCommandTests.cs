namespace ValuePool.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"valuepool-simulate-{Guid.NewGuid():N}");

    public SimulateCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string ScenarioFile(string json)
    {
        var path = Path.Combine(_directory, "scenario.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void ScenarioFile_WritesTheReport_AndPrintsTheSummary()
    {
        var file = ScenarioFile("""{ "name": "tiny", "days": 20, "growth": { "members": 50 }, "stores": { "count": 2 } }""");
        var output = Path.Combine(_directory, "out");
        var (code, stdout, stderr) = CliRun.Run("", "simulate", "--scenario", file, "--out", output, "--seed", "5");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Forced exits", stdout);
        Assert.Contains("report:", stdout);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.Contains("\"seed\": 5", File.ReadAllText(Path.Combine(output, "summary.json")));
    }

    [Theory]
    [InlineData("simulate", "--scenario", "no-such-scenario", "--out", "x")]
    [InlineData("simulate", "--out", "x")]
    [InlineData("simulate", "--scenario", "steady-growth")]
    [InlineData("simulate", "--scenario", "steady-growth", "--out", "x", "--seed", "one")]
    [InlineData("simulate", "--scenario", "steady-growth", "--out", "x", "--colour")]
    public void BadOptions_ExitTwo_WithAMessage(params string[] args)
    {
        var (code, _, stderr) = CliRun.Run("", args);
        Assert.Equal(2, code);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public void UnknownScenario_ListsTheBuiltIns()
    {
        var (_, _, stderr) = CliRun.Run("", "simulate", "--scenario", "no-such-scenario", "--out", _directory);
        Assert.Contains("stops-growing", stderr);
    }

    [Fact]
    public void MalformedScenarioFile_ExitsTwo_NamingTheFile()
    {
        var file = ScenarioFile("""{ "name": """);
        var (code, _, stderr) = CliRun.Run("", "simulate", "--scenario", file, "--out", _directory);
        Assert.Equal(2, code);
        Assert.Contains("scenario.json: malformed scenario JSON", stderr);
    }
}
