using System.Diagnostics;
using Spectre.Console;
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
public static class SimulateCommand
{
    public static int Run(IReadOnlyList<string> options, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(options, out var scenarioName, out var outDirectory, out var seed, out var usageError))
            return Cli.Fail(stderr, $"simulate: {usageError}\nusage: valuepool simulate --scenario NAME|FILE.json --out DIR [--seed N]");
        if (!TryResolve(scenarioName, out var scenario, out var error)) return Cli.Fail(stderr, error);
        if (seed is { } overrideSeed) scenario = scenario with { Seed = overrideSeed };

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var clock = Stopwatch.StartNew();
        var run = RunWithProgress(console, scenario);
        var simulated = clock.Elapsed;
        var summary = SummaryBuilder.Build(run);
        var report = ReportWriter.Write(run, summary, outDirectory);
        console.Write(SummaryTable(summary));
        console.WriteLine($"simulated {run.Orders:#,0} orders in {simulated.TotalSeconds:0.0} s ({run.Orders / simulated.TotalSeconds:#,0} orders/s); "
            + $"summary and report in {(clock.Elapsed - simulated).TotalSeconds:0.0} s");
        console.WriteLine($"report: {report}");
        return Cli.Ok;
    }

    private static bool TryParse(IReadOnlyList<string> options, out string scenario, out string outDirectory, out long? seed, out string error)
    {
        scenario = outDirectory = error = "";
        seed = null;
        for (var i = 0; i < options.Count; i += 2)
        {
            if (i + 1 >= options.Count) { error = $"{options[i]} needs a value"; return false; }
            var value = options[i + 1];
            switch (options[i])
            {
                case "--scenario": scenario = value; break;
                case "--out": outDirectory = value; break;
                case "--seed" when long.TryParse(value, out var parsed): seed = parsed; break;
                case "--seed": error = $"--seed {value}: not a whole number"; return false;
                default: error = $"unknown option {options[i]}"; return false;
            }
        }
        if (scenario == "") error = "--scenario is required";
        else if (outDirectory == "") error = "--out is required";
        return error == "";
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
