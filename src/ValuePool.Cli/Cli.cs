using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using ValuePool.Core.Engine;
using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool` commands, parsed by Spectre.Console.Cli. Exit codes: 0 done, 1 a check found a problem, 2 bad input or usage.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    private const string UsageHint = "usage: valuepool --help, or valuepool COMMAND --help";

    /// <summary>
    /// What a lone "-" (standard input) reaches the commands as: Spectre's tokenizer takes "-" for an
    /// option without a name. No command line can hold this string (it has a NUL), so it names no file.
    /// </summary>
    private const string StandardInput = "\0-";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // Spectre writes help, the version and its errors to its console; they are held here and sent to
        // standard output or standard error once it is known which they were. Commands write to the
        // streams directly, so machine output (replay's JSON, the audits) never passes through Spectre.
        var spectreOutput = new StringWriter();
        var interceptor = new ParsedCommandInterceptor();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("valuepool");
            config.UseAssemblyInformationalVersion();
            config.ConfigureConsole(PlainConsole(spectreOutput));
            config.UseStrictParsing();
            config.PropagateExceptions();
            config.Settings.Registrar.RegisterInstance(new CliStreams(stdin, stdout, stderr));
            config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(interceptor);
            // Descriptions fit one line of an 80-column help screen; the examples show under `valuepool --help`.
            config.AddCommand<ReplayCommand>("replay")
                .WithDescription("apply a replay event file (docs/REPLAY.md), print the state")
                .WithExample("replay", "samples/seed-vector.jsonl");
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("verify a journal; tree: referral depth; config: compliance");
                audit.AddCommand<AuditVerifyCommand>("verify")
                    .WithDescription("check a journal: hash chain, balance, snapshots, replay")
                    .WithExample("audit", "verify", "--db", "valuepool.db");
                audit.AddCommand<AuditTreeCommand>("tree")
                    .WithDescription("referral depth after a replay file; exit 1 at depth ≥ 3")
                    .WithExample("audit", "tree", "samples/shared-store.jsonl");
                audit.AddCommand<AuditConfigCommand>("config")
                    .WithDescription("compliance audit of a configuration file; exit 1 on a risk")
                    .WithExample("audit", "config", "config.json");
            });
            // No example: the root help shows five, which the others fill (`valuepool snapshot --help` shows the options).
            config.AddCommand<SnapshotCommand>("snapshot")
                .WithDescription("every member's holdings at a journal sequence");
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("run a scenario through the engine, write DIR/report.html")
                .WithExample("simulate", "--scenario", "stops-growing", "--out", "report/");
        });

        int code;
        try
        {
            code = app.Run(args.Select(arg => arg == "-" ? StandardInput : arg));
        }
        catch (Exception e) when (e is CommandAppException or UsageException)
        {
            var error = new StringWriter();
            PlainConsole(error).Write((e as CommandAppException)?.Pretty ?? new Text($"{e.Message}\n"));
            // Where Spectre quotes the command line, standard input's stand-in shows its NUL as a space.
            stderr.Write(error.ToString().Replace('\0', ' '));
            stderr.WriteLine(UsageHint);
            return BadInput;
        }

        // Spectre answers a missing command (no arguments, or `audit` alone) with help, exiting 0 or 1;
        // here that is bad usage: the help goes to standard error and the exit is 2.
        var missingCommand = !interceptor.CommandRan && (code != Ok || args.Length == 0);
        (missingCommand ? stderr : stdout).Write(WithoutTrailingSpaces(spectreOutput.ToString()));
        return missingCommand ? BadInput : code;
    }

    public static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return BadInput;
    }

    /// <summary>Replays FILE (or standard input for "-") into a fresh engine and hands it to <paramref name="use"/>; a bad file exits 2.</summary>
    public static int WithReplayedEngine(string argument, CliStreams streams, Func<ValuePoolEngine, int> use)
    {
        var file = argument == StandardInput ? "-" : argument;
        var input = OpenInput(file, streams);
        if (input is null) return BadInput;
        using (input == streams.In ? null : input)
        {
            var engine = ReplayRunner.Run(input, out var error);
            return engine is null ? Fail(streams.Error, $"{file}: {error}") : use(engine);
        }
    }

    /// <summary>Opens FILE, or standard input for "-".</summary>
    private static TextReader? OpenInput(string file, CliStreams streams)
    {
        if (file == "-") return streams.In;
        if (File.Exists(file)) return new StreamReader(file);
        streams.Error.WriteLine($"{file}: no such file");
        return null;
    }

    /// <summary>Spectre pads help's table cells to the column width; the padding at a line's end is dropped.</summary>
    private static string WithoutTrailingSpaces(string text) =>
        Regex.Replace(text, @" +(?=\r?$)", "", RegexOptions.Multiline);

    /// <summary>A console without colours, markup codes or cursor movement, for text that may be read by a program.</summary>
    private static IAnsiConsole PlainConsole(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });
}
