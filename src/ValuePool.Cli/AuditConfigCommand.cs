using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using ValuePool.Core.Configuration;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool audit config FILE`: the compliance audit of a configuration file. Findings come first,
/// even for a configuration the engine would refuse, so an operator sees every problem at once.
/// Exit 0: nothing found; 1: a legal risk; 2: unreadable, or the engine refuses the configuration.
/// </summary>
public sealed class AuditConfigCommand(CliStreams streams) : Command<AuditConfigCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("a JSON configuration file (keys as in docs/CONFIGURATION.md, and \"stores\")")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (file, stdout, stderr) = (settings.File, streams.Out, streams.Error);
        if (!File.Exists(file)) return Cli.Fail(stderr, $"{file}: no such file");
        EngineConfig config;
        IReadOnlyList<StorePromise> stores;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!ConfigJson.TryReadKeys(document.RootElement, EngineConfig.Default, out config, out var error, "stores"))
                return Cli.Fail(stderr, $"{file}: {error}");
            stores = StorePromiseJson.Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Cli.Fail(stderr, $"{file}: malformed JSON: {e.Message}");
        }
        catch (FormatException e)
        {
            return Cli.Fail(stderr, $"{file}: {e.Message}");
        }

        var findings = ComplianceAudit.Run(config, stores);
        if (findings.Count == 0) stdout.WriteLine($"{file}: no findings");
        foreach (var finding in findings)
        {
            stdout.WriteLine($"[{finding.Severity.ToString().ToLowerInvariant()}] {finding.Code}: {finding.Message}");
            stdout.WriteLine($"    rule: {finding.Rule}");
        }
        var problems = ConfigValidation.Problems(config);
        foreach (var problem in problems) stderr.WriteLine($"{file}: refused: {problem}");
        if (problems.Count > 0) return Cli.BadInput;
        return findings.Any(f => f.Severity == FindingSeverity.Risk) ? Cli.Findings : Cli.Ok;
    }
}
