using System.Text.Json;
using ValuePool.Core.Configuration;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool audit config FILE`: the compliance audit of a configuration file. Findings come first,
/// even for a configuration the engine would refuse, so an operator sees every problem at once.
/// Exit 0: nothing found; 1: a legal risk; 2: unreadable, or the engine refuses the configuration.
/// </summary>
public static class AuditConfigCommand
{
    public static int Run(string file, TextWriter stdout, TextWriter stderr)
    {
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
