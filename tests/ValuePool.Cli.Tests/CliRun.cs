namespace ValuePool.Cli.Tests;

/// <summary>Runs the CLI in process with the given standard input, capturing both outputs.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ValuePool.Cli.Cli.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static (int ExitCode, string Stdout, string Stderr) Replay(params string[] lines) =>
        Run(string.Join('\n', lines) + "\n", "replay", "-");
}
