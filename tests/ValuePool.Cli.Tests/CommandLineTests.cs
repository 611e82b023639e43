namespace ValuePool.Cli.Tests;

/// <summary>The command line itself: help, the version, option spellings and bad usage.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"valuepool-cli-{Guid.NewGuid():N}");

    public CommandLineTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("replay", "--help")]
    [InlineData("replay", "-h")]
    [InlineData("simulate", "--help")]
    [InlineData("simulate", "-h")]
    [InlineData("audit", "--help")]
    [InlineData("audit", "verify", "--help")]
    [InlineData("audit", "verify", "-h")]
    [InlineData("audit", "tree", "--help")]
    [InlineData("audit", "tree", "-h")]
    [InlineData("audit", "config", "--help")]
    [InlineData("audit", "config", "-h")]
    public void Help_PrintsUsageOnStandardOutput_ExitsZero(params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run("", args);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("USAGE:", stdout);
        Assert.Contains($"valuepool {string.Join(' ', args.SkipLast(1))}".TrimEnd(), stdout);
    }

    [Fact]
    public void RootHelp_ListsEveryCommandWithADescription()
    {
        var (_, stdout, _) = CliRun.Run("", "--help");
        Assert.Contains("replay <FILE>    apply a replay event file (docs/REPLAY.md)", stdout);
        Assert.Contains("audit            verify a journal; tree: referral depth; config: compliance", stdout);
        Assert.Contains("simulate         run a scenario", stdout);
        Assert.Contains("snapshot         every member's holdings at a journal sequence", stdout);
        foreach (var example in new[] { "valuepool audit verify --db", "valuepool audit tree", "valuepool audit config" })
            Assert.Contains(example, stdout);
        Assert.DoesNotContain(" \n", stdout);
    }

    [Fact]
    public void SubcommandHelp_NamesItsArgumentsAndOptions()
    {
        Assert.Contains("--db <DB>", CliRun.Run("", "audit", "verify", "--help").Stdout);
        var simulate = CliRun.Run("", "simulate", "--help").Stdout;
        Assert.Contains("--scenario <SCENARIO>", simulate);
        Assert.Contains("--seed <N>", simulate);
        Assert.Contains("- for standard input", CliRun.Run("", "replay", "--help").Stdout);
    }

    [Fact]
    public void Version_IsPrinted_ExitsZero()
    {
        var (code, stdout, stderr) = CliRun.Run("", "--version");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Fact]
    public void OptionEqualsValue_IsAccepted()
    {
        var (code, _, stderr) = CliRun.Run("", "audit", "verify", "--db=/nonexistent/journal.db");
        Assert.Equal(2, code);
        Assert.Equal("/nonexistent/journal.db: no such file" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Simulate_TakesOptionEqualsValue()
    {
        var scenario = Path.Combine(_directory, "tiny.json");
        File.WriteAllText(scenario, """{ "name": "tiny", "days": 5, "growth": { "members": 10 }, "stores": { "count": 1 } }""");
        var output = Path.Combine(_directory, "out");
        var (code, _, stderr) = CliRun.Run("", "simulate", $"--scenario={scenario}", $"--out={output}", "--seed=7");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("\"seed\": 7", File.ReadAllText(Path.Combine(output, "summary.json")));
    }

    [Theory]
    [InlineData("replay", "--colour", "-")]
    [InlineData("audit", "verify", "--db", "x.db", "--fast")]
    [InlineData("audit", "tree", "-", "--depth=3")]
    [InlineData("audit", "config", "-x", "config.json")]
    public void AnUnknownOption_IsNamedOnStandardError_ExitsTwo(params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run("", args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown option", stderr);
        Assert.Contains("usage: valuepool --help", stderr);
    }

    [Theory]
    [InlineData("Command 'replay' is missing required argument 'FILE'", "replay")]
    [InlineData("Command 'config' is missing required argument 'FILE'", "audit", "config")]
    [InlineData("Command 'verify' is missing required option 'db'", "audit", "verify")]
    [InlineData("Option 'db' is defined but no value has been provided", "audit", "verify", "--db")]
    [InlineData("Option 'out' is defined but no value has been provided", "simulate", "--scenario", "steady-growth", "--out")]
    [InlineData("Option 'out' is defined but no value has been provided", "simulate", "--out", "--scenario", "steady-growth")]
    [InlineData("Unknown command 'trees'", "audit", "trees", "-")]
    [InlineData("Could not match 'extra'", "replay", "-", "extra")]
    public void BadUsage_IsExplainedOnStandardError_ExitsTwo(string message, params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run("", args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain('\0', stderr);
    }

    [Theory]
    [InlineData]
    [InlineData("audit")]
    public void AMissingCommand_PrintsHelpOnStandardError_ExitsTwo(params string[] args)
    {
        var (code, stdout, stderr) = CliRun.Run("", args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("USAGE:", stderr);
    }

    [Fact]
    public void StandardInput_IsNamedDash_InALinesError()
    {
        var (code, _, stderr) = CliRun.Run("{not json\n", "audit", "tree", "-");
        Assert.Equal(2, code);
        Assert.StartsWith("-: line 1: malformed JSON", stderr);
    }
}
