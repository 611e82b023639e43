using System.ComponentModel;
using System.Data.Common;
using Spectre.Console;
using Spectre.Console.Cli;
using ValuePool.Storage;
using ValuePool.Storage.Holdings;

namespace ValuePool.Cli;

/// <summary>
/// `valuepool snapshot --db DB --at SEQ [--format csv|xlsx|json] [--out FILE]`: the holdings snapshot of MODEL.md §6 at a
/// journal sequence, to standard output (CSV, JSON) or a file (any format; XLSX needs one). `audit verify --snapshot FILE`
/// checks such a file. Exit 0: written; 2: bad input, a sequence not in the journal, or a journal that does not verify.
/// </summary>
public sealed class SnapshotCommand(CliStreams streams) : Command<SnapshotCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <DB>", isRequired: true)]
        [Description("the journal: a SQLite file, or postgres://user:password@host:port/database")]
        public string Db { get; init; } = "";

        [CommandOption("--at <SEQ>", isRequired: true)]
        [Description("the journal sequence: the holdings just after that entry (0 = before the first)")]
        public long At { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv (default), json or xlsx")]
        public string Format { get; init; } = "csv";

        [CommandOption("--out <FILE>")]
        [Description("write to FILE instead of standard output (required for xlsx)")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Format is not ("csv" or "json" or "xlsx") ? ValidationResult.Error($"--format {Format}: csv, json or xlsx")
            : Format == "xlsx" && Out is null ? ValidationResult.Error("--format xlsx needs --out FILE")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (location, stdout, stderr) = (settings.Db, streams.Out, streams.Error);
        if (!StoreLocation.IsPostgres(location) && !File.Exists(location)) return Cli.Fail(stderr, $"{location}: no such file");
        HoldingsSnapshot? snapshot;
        string? problem;
        try
        {
            using var store = StoreLocation.Open(location);
            snapshot = HoldingsSnapshot.At(store, settings.At, out problem);
        }
        catch (Exception e) when (e is FormatException or DbException or InvalidOperationException or ArgumentException)
        {
            return Cli.Fail(stderr, $"{location}: cannot open the journal: {e.Message}");
        }
        if (snapshot is null) return Cli.Fail(stderr, $"{location}: {problem}");
        try
        {
            if (settings.Format == "xlsx") File.WriteAllBytes(settings.Out!, HoldingsWorkbook.Xlsx(snapshot));
            else
            {
                var text = settings.Format == "json" ? HoldingsText.Json(snapshot) : HoldingsText.Csv(snapshot);
                if (settings.Out is null) stdout.Write(text);
                else File.WriteAllText(settings.Out, text);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Cli.Fail(stderr, $"{settings.Out}: {e.Message}");
        }
        if (settings.Out is not null) stdout.WriteLine($"{settings.Out}: {snapshot.Lines.Count} members at sequence {snapshot.Sequence}, journal hash {snapshot.JournalHash}");
        return Cli.Ok;
    }
}
