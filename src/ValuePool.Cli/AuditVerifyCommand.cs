using System.ComponentModel;
using System.Data.Common;
using Spectre.Console.Cli;
using ValuePool.Storage;
using ValuePool.Storage.Audit;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool audit verify --db PATH|postgres://…`: checks the journal's hash chain, that every
/// transaction balances and replays to its recorded digest, the snapshots, and that replay reproduces
/// the stored balances. Exit 0: all hold; 1: the first bad entry is named; 2: the database cannot be opened.
/// </summary>
public sealed class AuditVerifyCommand(CliStreams streams) : Command<AuditVerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <DB>", isRequired: true)]
        [Description("the journal: a SQLite file, or postgres://user:password@host:port/database")]
        public string Db { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (location, stdout, stderr) = (settings.Db, streams.Out, streams.Error);
        if (!StoreLocation.IsPostgres(location) && !File.Exists(location)) return Cli.Fail(stderr, $"{location}: no such file");
        AuditReport report;
        try
        {
            using var store = StoreLocation.Open(location);
            report = JournalAudit.Run(store);
        }
        catch (Exception e) when (e is FormatException or DbException or InvalidOperationException or ArgumentException)
        {
            return Cli.Fail(stderr, $"{location}: cannot open the journal: {e.Message}");
        }
        if (!report.Passed)
        {
            stderr.WriteLine($"{location}: {report.Problem}");
            return Cli.Findings;
        }
        stdout.WriteLine($"{location}: {report.Entries} entries, {report.Snapshots} snapshots, {report.MembersCompared} member balances verified");
        stdout.WriteLine($"solvent: {report.Solvency}");
        return Cli.Ok;
    }
}
