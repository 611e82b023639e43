using ValuePool.Core.Engine;
using ValuePool.Storage.Holdings;
using ValuePool.Storage.Sequencing;
using ValuePool.Storage.Tests.Backends;

namespace ValuePool.Storage.Tests.Holdings;

/// <summary>MODEL.md §6's holdings snapshot: `valuepool snapshot` at a sequence, checked by `audit verify --snapshot`.</summary>
public sealed class HoldingsSnapshotTests : IDisposable
{
    private readonly SqliteBackend _backend = new();
    private readonly IReadOnlyList<Command> _commands = Workload.Commands(300);

    public void Dispose() => _backend.Dispose();

    private async Task WriteJournal()
    {
        await using var sequencer = Sequencer.Start(StoreLocation.Open(_backend.Location), new SequencerOptions { SnapshotEveryEntries = 100, CommandsPerBatchMax = 25 });
        for (var i = 0; i < _commands.Count; i++) Assert.Equal(SubmitStatus.Applied, (await sequencer.SubmitAsync($"cmd-{i}", _commands[i])).Status);
    }

    private (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ValuePool.Cli.Cli.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task TheSnapshotAtASequence_HoldsWhatTheFirstCommandsLeft_AndCarriesThatEntrysHash()
    {
        await WriteJournal();
        var engine = new ValuePoolEngine();
        foreach (var command in _commands.Take(250)) engine.Apply(command);
        using var store = StoreLocation.Open(_backend.Location);
        // 250 starts from the stored engine snapshot at 200 and replays 50 entries.
        var snapshot = HoldingsSnapshot.At(store, 250, out var problem)!;
        Assert.Null(problem);
        Assert.Equal(Convert.ToHexStringLower(store.Find(250)!.Hash), snapshot.JournalHash);
        Assert.Equal(engine.Price, snapshot.Price);
        Assert.Equal(engine.MemberIdsOrdinal(), snapshot.Lines.Select(line => line.Member));
        foreach (var line in snapshot.Lines)
        {
            var member = engine.FindMember(line.Member)!;
            Assert.Equal((member.Points, member.Cash, member.ShoppingPoints), (line.Points, line.Cash, line.ShoppingPoints));
        }
        Assert.Null(HoldingsSnapshot.At(store, 301, out problem));
        Assert.Contains("not in the journal", problem);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task AnExportedFile_VerifiesAgainstTheJournal_AndATamperedLineIsNamed(string format)
    {
        await WriteJournal();
        var file = Path.Combine(Path.GetDirectoryName(_backend.Location)!, $"holdings.{format}");
        var (code, stdout, stderr) = Cli("snapshot", "--db", _backend.Location, "--at", "120", "--format", format, "--out", file);
        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("at sequence 120", stdout);
        Assert.Equal(0, Cli("audit", "verify", "--db", _backend.Location, "--snapshot", file).Code);

        var lines = File.ReadAllLines(file);
        lines[2] = lines[2].Replace("\"cash\":\"", "\"cash\":\"1").Replace(",0.00,", ",10.00,");
        File.WriteAllLines(file, lines);
        (code, _, stderr) = Cli("audit", "verify", "--db", _backend.Location, "--snapshot", file);
        Assert.Equal(1, code);
        Assert.Contains("line 3", stderr);
    }

    [Fact]
    public async Task TheCsvGoesToStandardOutput_XlsxToAFile_AndASequenceBeyondTheJournalIsBadInput()
    {
        await WriteJournal();
        var (code, stdout, _) = Cli("snapshot", "--db", _backend.Location, "--at", "300");
        Assert.Equal(0, code);
        Assert.StartsWith(HoldingsText.CsvHeader + "\n", stdout);
        var workbook = Path.Combine(Path.GetDirectoryName(_backend.Location)!, "holdings.xlsx");
        Assert.Equal(0, Cli("snapshot", "--db", _backend.Location, "--at", "300", "--format", "xlsx", "--out", workbook).Code);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(workbook)[..2]);
        Assert.Equal(2, Cli("snapshot", "--db", _backend.Location, "--at", "301").Code);
        Assert.Equal(2, Cli("snapshot", "--db", _backend.Location, "--at", "1", "--format", "xlsx").Code);
    }
}
