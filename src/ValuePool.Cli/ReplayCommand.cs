using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool replay FILE|-`: REPLAY.md's black-box contract.</summary>
public static class ReplayCommand
{
    public static int Run(string file, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.OpenInput(file, stdin, stderr);
        if (input is null) return Cli.BadInput;
        using (input == stdin ? null : input)
        {
            var engine = ReplayRunner.Run(input, out var error);
            if (engine is null) return Cli.Fail(stderr, $"{file}: {error}");
            stdout.WriteLine(StateJson.Write(engine));
            return Cli.Ok;
        }
    }
}
