using System.ComponentModel;
using System.Data.Common;
using Spectre.Console.Cli;
using ValuePool.Storage;
using ValuePool.Storage.Audit;
using ValuePool.Storage.Holdings;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool audit verify --db PATH|postgres://…`: checks the journal's hash chain, that every
/// transaction balances and replays to its recorded digest, the snapshots, and that replay reproduces
/// the stored balances. Exit 0: all hold; 1: the first bad entry is named; 2: the database cannot be opened.
/// With <c>--snapshot FILE</c> it checks a holdings snapshot (CSV or JSON, from `valuepool snapshot`) against the journal
/// instead: exit 0 when the journal gives the very same file at its sequence, 1 naming the first line that differs.
/// </summary>
public sealed class AuditVerifyCommand(CliStreams streams) : Command<AuditVerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <DB>", isRequired: true)]
        [Description("the journal: a SQLite file, or postgres://user:password@host:port/database")]
        public string Db { get; init; } = "";

        [CommandOption("--snapshot <FILE>")]
        [Description("a holdings snapshot (CSV or JSON) to check against the journal")]
        public string? Snapshot { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (location, stdout, stderr) = (settings.Db, streams.Out, streams.Error);
        if (!StoreLocation.IsPostgres(location) && !File.Exists(location)) return Cli.Fail(stderr, $"{location}: no such file");
        if (settings.Snapshot is { } snapshotFile && !File.Exists(snapshotFile)) return Cli.Fail(stderr, $"{snapshotFile}: no such file");
        AuditReport report;
        try
        {
            using var store = StoreLocation.Open(location);
            if (settings.Snapshot is { } file) return VerifySnapshot(store, file);
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

    private int VerifySnapshot(Storage.Journal.IJournalStore store, string file)
    {
        if (HoldingsText.Verify(store, File.ReadAllText(file)) is { } problem)
        {
            streams.Error.WriteLine($"{file}: {problem}");
            return Cli.Findings;
        }
        streams.Out.WriteLine($"{file}: matches the journal");
        return Cli.Ok;
    }
}
