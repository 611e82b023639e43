using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Reporting;
using ValuePool.Simulation.Running;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool simulate --scenario NAME|FILE.json --out DIR [--seed N]`: runs a built-in or file scenario
/// through the real engine with a progress bar, writes DIR/report.html, and prints the summary table.
/// Exit 0 done; 2 bad options, unknown scenario, or a malformed or invalid scenario file.
/// </summary>
public sealed class SimulateCommand(CliStreams streams) : Command<SimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scenario <SCENARIO>", isRequired: true)]
        [Description("a built-in scenario's name, or a scenario JSON file (docs/SIMULATOR.md)")]
        public string Scenario { get; init; } = "";

        [CommandOption("--out <DIR>", isRequired: true)]
        [Description("the directory for report.html and summary.json")]
        public string Out { get; init; } = "";

        // A string checked here, not a long? bound by Spectre, whose message for "--seed one" is
        // "Failed to convert 'one' to Nullable`1".
        [CommandOption("--seed <N>")]
        [Description("a whole number replacing the scenario's random seed")]
        public string? Seed { get; init; }

        public long? SeedNumber => Seed is null ? null : long.Parse(Seed);

        public override ValidationResult Validate() =>
            Seed is null || long.TryParse(Seed, out _) ? ValidationResult.Success() : ValidationResult.Error($"--seed {Seed}: not a whole number");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!TryResolve(settings.Scenario, out var scenario, out var error)) return Cli.Fail(streams.Error, error);
        if (settings.SeedNumber is { } overrideSeed) scenario = scenario with { Seed = overrideSeed };

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(streams.Out) });
        var clock = Stopwatch.StartNew();
        var run = RunWithProgress(console, scenario);
        var simulated = clock.Elapsed;
        var summary = SummaryBuilder.Build(run);
        var report = ReportWriter.Write(run, summary, settings.Out);
        console.Write(SummaryTable(summary));
        console.WriteLine($"simulated {run.Orders:#,0} orders in {simulated.TotalSeconds:0.0} s ({run.Orders / simulated.TotalSeconds:#,0} orders/s); "
            + $"summary and report in {(clock.Elapsed - simulated).TotalSeconds:0.0} s");
        console.WriteLine($"report: {report}");
        return Cli.Ok;
    }

    /// <summary>A built-in name first, then a file; a name that is neither lists the built-ins.</summary>
    private static bool TryResolve(string name, out Scenario scenario, out string error)
    {
        scenario = BuiltInScenarios.Find(name)!;
        error = "";
        if (scenario is not null) return true;
        if (!File.Exists(name))
        {
            error = $"{name}: no built-in scenario of that name and no such file (built-in: {string.Join(", ", BuiltInScenarios.All.Select(s => s.Name))})";
            return false;
        }
        if (ScenarioJson.TryRead(File.ReadAllText(name), out scenario, out var readError)) return true;
        error = $"{name}: {readError}";
        return false;
    }

    private static SimulationResult RunWithProgress(IAnsiConsole console, Scenario scenario)
    {
        SimulationResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"simulating {scenario.Name}", maxValue: scenario.Days);
                result = SimulationRunner.Run(scenario, progress =>
                {
                    task.Value = progress.DaysDone;
                    task.Description = $"{scenario.Name}: day {progress.DaysDone}/{progress.Days}, {progress.Orders:#,0} orders";
                });
            });
        return result!;
    }

    private static Table SummaryTable(Summary summary)
    {
        var table = new Table().AddColumn("项目").AddColumn("Item").AddColumn(new TableColumn("").RightAligned());
        foreach (var (zh, en, value) in SummaryRows.Of(summary)) table.AddRow(Markup.Escape(zh), Markup.Escape(en), Markup.Escape(value));
        return table;
    }
}
