using ValuePool.Core.Engine;
using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool` commands. Exit codes: 0 done, 1 a check found a problem, 2 bad input or usage.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    private const string Usage = """
        usage:
          valuepool replay FILE|-           apply a docs/REPLAY.md event file and print the final state
          valuepool audit config FILE       compliance audit of a configuration file (JSON keys as in docs/CONFIGURATION.md)
          valuepool audit tree FILE|-       depth of the real referral tree after a replay file
          valuepool audit verify --db DB    check a journal (SQLite file or postgres://…): hash chain, balanced transactions, replay
          valuepool simulate --scenario NAME|FILE.json --out DIR [--seed N]
                                            run a scenario through the engine and write DIR/report.html (docs/SIMULATOR.md)
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) => args switch
    {
        ["replay", var file] => ReplayCommand.Run(file, stdin, stdout, stderr),
        ["audit", "config", var file] => AuditConfigCommand.Run(file, stdout, stderr),
        ["audit", "tree", var file] => AuditTreeCommand.Run(file, stdin, stdout, stderr),
        ["audit", "verify", "--db", var db] => AuditVerifyCommand.Run(db, stdout, stderr),
        ["simulate", .. var options] => SimulateCommand.Run(options, stdout, stderr),
        _ => Fail(stderr, Usage),
    };

    public static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return BadInput;
    }

    /// <summary>Replays FILE (or standard input for "-") into a fresh engine and hands it to <paramref name="use"/>; a bad file exits 2.</summary>
    public static int WithReplayedEngine(string file, TextReader stdin, TextWriter stderr, Func<ValuePoolEngine, int> use)
    {
        var input = OpenInput(file, stdin, stderr);
        if (input is null) return BadInput;
        using (input == stdin ? null : input)
        {
            var engine = ReplayRunner.Run(input, out var error);
            return engine is null ? Fail(stderr, $"{file}: {error}") : use(engine);
        }
    }

    /// <summary>Opens FILE, or standard input for "-".</summary>
    private static TextReader? OpenInput(string file, TextReader stdin, TextWriter stderr)
    {
        if (file == "-") return stdin;
        if (File.Exists(file)) return new StreamReader(file);
        stderr.WriteLine($"{file}: no such file");
        return null;
    }
}
