using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool replay FILE|-`: the black-box contract of docs/REPLAY.md.</summary>
public static class ReplayCommand
{
    public static int Run(string file, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Cli.WithReplayedEngine(file, stdin, stderr, engine =>
        {
            stdout.WriteLine(StateJson.Write(engine));
            return Cli.Ok;
        });
}
