using System.Text;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Replay;
using ValuePool.Storage.Audit;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Sequencing;
using ValuePool.Storage.Snapshots;
using ValuePool.Storage.Sql;
using ValuePool.Storage.Tests.Backends;

namespace ValuePool.Storage.Tests.Contract;

/// <summary>
/// The journal's behaviour, run once per back end (SQLite and PostgreSQL) by the derived classes,
/// each test on its own empty database.
/// </summary>
public abstract class JournalContract : IDisposable
{
    private static readonly SequencerOptions NoSnapshots = new() { SnapshotEveryEntries = long.MaxValue };

    protected abstract IBackend Backend { get; }

    public void Dispose() => Backend.Dispose();

    [Fact]
    public async Task Restart_RecoversTheIdenticalState()
    {
        var commands = Workload.Commands(600);
        var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { SnapshotEveryEntries = 250 });
        await SubmitAll(sequencer, commands);
        await sequencer.DisposeAsync();

        var reopened = Sequencer.Start(Backend.Open());
        await reopened.DisposeAsync();

        Assert.Equal(600, reopened.Head.Sequence);
        Assert.Equal(EngineSnapshot.StateOf(Replayed(commands)), EngineSnapshot.StateOf(reopened.Engine));
        Assert.Equal(StateJson.Write(sequencer.Engine), StateJson.Write(reopened.Engine));
    }

    [Fact]
    public async Task Recovery_StartsFromTheLatestSnapshot_AndReplaysTheTail()
    {
        var commands = Workload.Commands(330);
        await using (var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { SnapshotEveryEntries = 100, CommandsPerBatchMax = 25 }))
            await SubmitInRounds(sequencer, commands, 100);

        using var store = Backend.Open();
        var snapshots = store.SnapshotSequences();
        Assert.Equal([300L, 200L, 100L], snapshots);
        var recovered = Recovery.Run(store);
        Assert.Equal(snapshots[0], recovered.SnapshotSequence);
        Assert.Equal(EngineSnapshot.StateOf(Replayed(commands)), EngineSnapshot.StateOf(recovered.Engine));
    }

    [Fact]
    public async Task Retry_WithTheSameKey_ReturnsTheFirstAnswer_AndChangesNothing()
    {
        var order = new Consume("m1", null, Money.FromYuan(1000), Workload.Start);
        await using var sequencer = Sequencer.Start(Backend.Open());
        var first = await sequencer.SubmitAsync("order-1", order);
        var retryLater = await sequencer.SubmitAsync("order-1", order with { At = order.At.AddSeconds(5) });
        var concurrent = await Task.WhenAll(sequencer.SubmitAsync("order-2", order), sequencer.SubmitAsync("order-2", order));

        // The applied answer carries the order it booked; a retry the first answer's status and result only.
        Assert.Equal((SubmitStatus.Applied, 1L, CommandResult.Ok, Money.FromYuan(1000)), (first.Status, first.Sequence, first.Result, first.Order!.Value.Charged));
        Assert.Equal(new Receipt(SubmitStatus.Duplicate, 1, CommandResult.Ok), retryLater);
        Assert.Equal([(SubmitStatus.Applied, 2L), (SubmitStatus.Duplicate, 2L)], concurrent.Select(r => (r.Status, r.Sequence)));
        Assert.Null(concurrent[1].Order);
        await sequencer.DisposeAsync();
        Assert.Equal(2, sequencer.Engine.Orders);
    }

    [Fact]
    public async Task Reads_SeeEveryCommandAnsweredBeforeThem_AndAFailingQueryFailsOnlyItself()
    {
        await using var sequencer = Sequencer.Start(Backend.Open());
        var orders = Enumerable.Range(0, 50).Select(i => sequencer.SubmitAsync($"order-{i}", new Consume($"m{i}", null, Money.FromYuan(1000), Workload.Start)));
        await Task.WhenAll(orders);

        Assert.Equal(50, await sequencer.ReadAsync(engine => engine.Orders));
        await Assert.ThrowsAsync<InvalidOperationException>(() => sequencer.ReadAsync<int>(_ => throw new InvalidOperationException("bad query")));
        Assert.Equal(Money.FromYuan(8000), await sequencer.ReadAsync(engine => engine.Pool));
    }

    [Fact]
    public async Task Observer_SeesEachAppliedCommand_ThenTheDurableBatch()
    {
        var observer = new RecordingObserver();
        await using var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { Observer = observer });
        var order = new Consume("m1", null, Money.FromYuan(1000), Workload.Start);
        await sequencer.SubmitAsync("order-1", order);
        await sequencer.SubmitAsync("order-1", order);

        Assert.Equal(["applied 1 order-1 Ok", "committed"], observer.Seen);
    }

    private sealed class RecordingObserver : ISequencerObserver
    {
        public List<string> Seen { get; } = [];
        public void Applied(long sequence, string idempotencyKey, Command command, IEngineView engine) =>
            Seen.Add($"applied {sequence} {idempotencyKey} {engine.Outcome.Result}");
        public void Committed() => Seen.Add("committed");
    }

    [Fact]
    public async Task AlongsideRows_AreWrittenWithTheirEntry_OnlyWhenTheCommandIsAppliedAndAccepted()
    {
        Backend.Tamper("CREATE TABLE side_row (name TEXT NOT NULL)");
        await using var sequencer = Sequencer.Start(Backend.Open());
        var order = new Consume("m1", null, Money.FromYuan(1000), Workload.Start);
        var refusedSell = new Sell("nobody", new Points(1), Workload.Start);
        await Task.WhenAll(sequencer.SubmitAsync("order-1", order, Insert("accepted")), sequencer.SubmitAsync("order-1", order, Insert("duplicate")));
        await sequencer.SubmitAsync("order-1", order, Insert("later retry"));
        await sequencer.SubmitAsync("order-1", order with { Amount = Money.FromYuan(1) }, Insert("key conflict"));
        await sequencer.SubmitAsync("sell-1", refusedSell, Insert("refused"));

        var rows = new List<string>();
        await sequencer.SubmitAsync("order-2", order, (connection, transaction) =>
        {
            using var query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT name FROM side_row ORDER BY name";
            using var reader = query.ExecuteReader();
            while (reader.Read()) rows.Add(reader.GetString(0));
        });
        Assert.Equal(["accepted"], rows);
    }

    private static AlongsideRows Insert(string name) => (connection, transaction) =>
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO side_row (name) VALUES ('{name}')";
        insert.ExecuteNonQuery();
    };

    [Fact]
    public async Task Retry_AfterARestart_IsStillRecognised()
    {
        var order = new Consume("m1", null, Money.FromYuan(1000), Workload.Start);
        await using (var sequencer = Sequencer.Start(Backend.Open()))
            await sequencer.SubmitAsync("order-1", order);
        await using var restarted = Sequencer.Start(Backend.Open());
        Assert.Equal(SubmitStatus.Duplicate, (await restarted.SubmitAsync("order-1", order)).Status);
    }

    [Fact]
    public async Task SameKey_WithADifferentBody_IsRefused()
    {
        await using var sequencer = Sequencer.Start(Backend.Open());
        await sequencer.SubmitAsync("order-1", new Consume("m1", null, Money.FromYuan(1000), Workload.Start));
        var different = await sequencer.SubmitAsync("order-1", new Consume("m1", null, Money.FromYuan(999), Workload.Start));
        Assert.Equal(SubmitStatus.KeyConflict, different.Status);
        await sequencer.DisposeAsync();
        Assert.Equal(1, sequencer.Engine.Orders);
        Assert.Equal(Money.FromYuan(160), sequencer.Engine.Pool);
    }

    [Fact]
    public async Task RefusedCommands_CostNoJournalSpace_AndTheirRetryIsJudgedAfresh()
    {
        await using var sequencer = Sequencer.Start(Backend.Open());
        await sequencer.SubmitAsync("order-1", new Consume("m1", null, Money.FromYuan(1000), Workload.Start));
        var refusals = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => sequencer.SubmitAsync($"sell-{i}", new Sell("nobody", new Points(1), Workload.Start))));
        Assert.All(refusals, refused => Assert.Equal(new Receipt(SubmitStatus.Refused, 1, CommandResult.InsufficientPoints), refused));
        // The same key, now that the sale can be made: nothing was recorded under it, so it is applied.
        var retry = await sequencer.SubmitAsync("sell-0", new Sell("m1", new Points(1), Workload.Start));
        Assert.Equal(new Receipt(SubmitStatus.Applied, 2, CommandResult.Ok), retry);
        await sequencer.DisposeAsync();
        Assert.Equal(2, sequencer.Head.Sequence);
    }

    [Fact]
    public async Task ACommandThatThrows_IsRefusedAlone_TheRestOfItsBatchIsKept_AndThePlatformKeepsServing()
    {
        var failures = new List<string>();
        var options = new SequencerOptions { Observer = new ThrowingObserver("poison"), CommandFailed = (key, _, e) => failures.Add($"{key}: {e.Message}") };
        var before = new Consume("m1", null, Money.FromYuan(1000), Workload.Start);
        var poison = new Consume("m2", null, Money.FromYuan(500), Workload.Start);
        var after = new Consume("m3", null, Money.FromYuan(1000), Workload.Start);
        await using (var sequencer = Sequencer.Start(Backend.Open(), options))
        {
            // Submitted together, so that they usually share a batch: the poisoned one must not take the others with it.
            var receipts = await Task.WhenAll(sequencer.SubmitAsync("before", before), sequencer.SubmitAsync("poison", poison), sequencer.SubmitAsync("after", after));
            Assert.Equal([CommandResult.Ok, CommandResult.CommandFailed, CommandResult.Ok], receipts.Select(r => r.Result));
            Assert.Equal(SubmitStatus.Refused, receipts[1].Status);
            var later = await sequencer.SubmitAsync("later", new Sell("m1", new Points(10_000), Workload.Start));
            Assert.Equal(CommandResult.Ok, later.Result);
            Assert.Null(await sequencer.ReadAsync(engine => engine.FindMember("m2")));
            await sequencer.DisposeAsync();
            // The engine holds exactly what the journal proves: the poisoned order left no trace.
            Assert.Equal(EngineSnapshot.StateOf(Replayed([before, after, new Sell("m1", new Points(10_000), Workload.Start)])), EngineSnapshot.StateOf(sequencer.Engine));
        }
        Assert.Equal(["poison: injected"], failures);
        var (exit, _, stderr) = RunCli("audit", "verify", "--db", Backend.Location);
        Assert.True(exit == 0, stderr);
    }

    /// <summary>Throws after the engine applied the command with <paramref name="key"/>: the engine is then ahead of what may be journaled.</summary>
    private sealed class ThrowingObserver(string key) : ISequencerObserver
    {
        public void Applied(long sequence, string idempotencyKey, Command command, IEngineView engine)
        {
            if (idempotencyKey == key) throw new InvalidOperationException("injected");
        }

        public void Committed() { }
    }

    [Fact]
    public async Task Audit_PassesOnAHealthyJournal_ThroughTheCli()
    {
        await using (var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { SnapshotEveryEntries = 100, CommandsPerBatchMax = 50 }))
            await SubmitAll(sequencer, Workload.Commands(250));

        var (exit, stdout, stderr) = RunCli("audit", "verify", "--db", Backend.Location);
        Assert.True(exit == 0, stderr);
        Assert.Contains("250 entries, 2 snapshots", stdout);
    }

    [Fact]
    public async Task CorruptedEntry_IsDetected_NotLoaded()
    {
        await using (var sequencer = Sequencer.Start(Backend.Open(), NoSnapshots))
            await SubmitAll(sequencer, Workload.Commands(40));
        Backend.Tamper("UPDATE journal SET command = tx_digest WHERE seq = 17");

        using (var store = Backend.Open())
            Assert.Equal(17, Assert.Throws<JournalCorruptException>(() => Recovery.Run(store)).Sequence);
        var (exit, _, stderr) = RunCli("audit", "verify", "--db", Backend.Location);
        Assert.Equal(1, exit);
        Assert.Contains("entry 17: hash does not match its contents", stderr);
    }

    [Fact]
    public async Task DeletedEntry_BreaksTheChain()
    {
        await using (var sequencer = Sequencer.Start(Backend.Open(), NoSnapshots))
            await SubmitAll(sequencer, Workload.Commands(40));
        Backend.Tamper("DELETE FROM journal WHERE seq = 20");

        using var store = Backend.Open();
        Assert.Equal("entry 20: missing (next stored entry is 21)", JournalAudit.Run(store).Problem);
    }

    [Fact]
    public async Task CorruptedSnapshot_IsSkipped_ForAnOlderOne()
    {
        var commands = Workload.Commands(220);
        await using (var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { SnapshotEveryEntries = 100, CommandsPerBatchMax = 50 }))
            await SubmitInRounds(sequencer, commands, 100);
        long[] snapshots;
        using (var store = Backend.Open()) snapshots = store.SnapshotSequences().ToArray();
        Assert.Equal([200L, 100L], snapshots);
        Backend.Tamper($"UPDATE snapshot SET sha256 = journal_hash WHERE seq = {snapshots[0]}");

        using var reopened = Backend.Open();
        var recovered = Recovery.Run(reopened);
        Assert.Equal(snapshots[1], recovered.SnapshotSequence);
        Assert.Equal([$"snapshot {snapshots[0]}: SHA-256 of its state does not match"], recovered.SkippedSnapshots);
        Assert.Equal(EngineSnapshot.StateOf(Replayed(commands)), EngineSnapshot.StateOf(recovered.Engine));
        Assert.Equal($"snapshot {snapshots[0]}: SHA-256 of its state does not match", JournalAudit.Run(reopened).Problem);
    }

    [Fact]
    public async Task Projections_MatchTheEngine_AndARebuildGivesTheSameRows()
    {
        var commands = Workload.Commands(500);
        // Small pieces taken with every batch: most of the rows are written in pieces, behind their entries.
        var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { CommandsPerBatchMax = 64, ProjectionsEvery = TimeSpan.Zero, HistoryRowsPerPiece = 16 });
        await SubmitAll(sequencer, commands);
        await sequencer.DisposeAsync();
        var engine = sequencer.Engine;

        using var store = Backend.Open();
        var asWritten = ProjectionRows(store);
        foreach (var id in engine.MemberIdsOrdinal())
        {
            var member = engine.FindMember(id)!;
            var history = store.Queries.MemberHistory(id);
            Assert.Equal(member.Cash.Fen, history.Sum(row => row.CashFen));
            Assert.Equal(member.Points.Units, history.Sum(row => row.PointsUnits));
        }
        var s1Revenue = store.Queries.StoreRevenue("s1");
        Assert.Equal(2, s1Revenue.Count);
        Assert.Equal(engine.FindStore("s1")!.Revenue.Fen, s1Revenue.Sum(row => row.RevenueFen));
        Assert.Equal(engine.FindStore("s3")!.Revenue.Fen, store.Queries.StoreRevenue("s3").Sum(row => row.RevenueFen)); // card discounts
        var lastPrice = store.Queries.PriceHistory()[^1];
        Assert.Equal((engine.Pool.Fen, engine.CirculatingPoints.Units, engine.Price.ToFractionString()), (lastPrice.PoolFen, lastPrice.PointsUnits, lastPrice.Price.ToFractionString()));

        ProjectionRebuild.Run(store);
        Assert.Equal(asWritten, ProjectionRows(store));
        Assert.True(JournalAudit.Run(store).Passed);
    }

    [Fact]
    public async Task Projections_LagTheJournal_UntilTheyAreDue_OrSynced()
    {
        var commands = Workload.Commands(100);
        var sequencer = Sequencer.Start(Backend.Open(), new SequencerOptions { ProjectionsEvery = TimeSpan.MaxValue });
        await SubmitAll(sequencer, commands.Take(50).ToList());
        await sequencer.SyncProjectionsAsync();
        await SubmitAll(sequencer, commands.Skip(50).ToList(), firstKey: 50);

        using (var store = Backend.Open())
        {
            Assert.Equal((50L, 100L), (store.ProjectionCheckpoint(), store.ReadHead().Sequence));
            var report = JournalAudit.Run(store);
            Assert.True(report.Passed, report.Problem);
            Assert.Equal(Replayed(commands.Take(50)).MemberIdsOrdinal().Count(), report.MembersCompared); // compared at entry 50
        }
        await sequencer.SyncProjectionsAsync();
        using (var store = Backend.Open()) Assert.Equal(100L, store.ProjectionCheckpoint());
        await sequencer.DisposeAsync();
    }

    [Fact]
    public async Task Start_CatchesLaggingProjectionsUp_WithTheApplicationsRows_AsARebuildWouldWriteThem()
    {
        var commands = Workload.Commands(120);
        Backend.Tamper("CREATE TABLE entry_key (seq BIGINT PRIMARY KEY, idem_key TEXT NOT NULL)");
        var options = NoSnapshots with { EntryProjections = [new EntryKeys()] };
        await using (var sequencer = Sequencer.Start(Backend.Open(), options))
            await SubmitAll(sequencer, commands.Take(60).ToList());
        // Entries 61–120 are written without projections, as if the process had died before they were due.
        await using (var sequencer = Sequencer.Start(Backend.Open(), options with { Projections = false }))
            await SubmitAll(sequencer, commands.Skip(60).ToList(), firstKey: 60);
        using (var store = Backend.Open()) Assert.Equal(60L, store.ProjectionCheckpoint());

        await using (var restarted = Sequencer.Start(Backend.Open(), options)) { }

        using var caughtUp = Backend.Open();
        Assert.Equal(120L, caughtUp.ProjectionCheckpoint());
        var asCaughtUp = ProjectionRows(caughtUp);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{i + 1} cmd-{i}"), EntryKeys.Stored(Backend));
        ProjectionRebuild.Run(caughtUp, [new EntryKeys()]);
        Assert.Equal(asCaughtUp, ProjectionRows(caughtUp));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{i + 1} cmd-{i}"), EntryKeys.Stored(Backend));
        Assert.True(JournalAudit.Run(caughtUp).Passed);
    }

    [Fact]
    public async Task Start_AfterACrashBetweenPieces_WritesWhatARebuildWrites()
    {
        var commands = Workload.Commands(120);
        await using (var sequencer = Sequencer.Start(Backend.Open(), NoSnapshots with { Projections = false }))
            await SubmitAll(sequencer, commands);
        using (var store = Backend.Open())
        {
            // What a sequencer would have written of its first generation before dying: one piece of history rows, no checkpoint.
            var (engine, projector, head) = (new ValuePoolEngine(), new Projector(), JournalHead.Empty);
            foreach (var entry in JournalReading.From(store, 1))
            {
                projector.Observe(entry.Sequence, entry.IdempotencyKey, EntryReplay.Apply(engine, entry, head), engine);
                head = new JournalHead(entry.Sequence, entry.Hash);
            }
            var pieces = projector.Flush(head.Sequence, engine).Pieces(0, 16);
            Assert.True(pieces.Count > 2);
            store.WriteProjections(pieces[0]);
            Assert.Equal(0, store.ProjectionCheckpoint());
        }

        await (Sequencer.Start(Backend.Open(), NoSnapshots)).DisposeAsync();
        using var caughtUp = Backend.Open();
        Assert.Equal(120, caughtUp.ProjectionCheckpoint());
        var asCaughtUp = ProjectionRows(caughtUp);
        ProjectionRebuild.Run(caughtUp);
        Assert.Equal(asCaughtUp, ProjectionRows(caughtUp));
    }

    [Fact]
    public async Task ApplicationRows_SeeTheAlongsideRowsOfTheirOwnBatch()
    {
        Backend.Tamper("CREATE TABLE entry_key (seq BIGINT PRIMARY KEY, idem_key TEXT NOT NULL)");
        Backend.Tamper("CREATE TABLE alongside_key (idem_key TEXT PRIMARY KEY)");
        // Projections with every batch, so each entry's application rows are written in the transaction of its alongside rows.
        var options = NoSnapshots with { ProjectionsEvery = TimeSpan.Zero, EntryProjections = [new EntryKeys(onlyWithAlongsideRow: true)] };
        await using (var sequencer = Sequencer.Start(Backend.Open(), options))
            await Task.WhenAll(Workload.Commands(40).Select((command, i) => sequencer.SubmitAsync($"cmd-{i}", command, (connection, transaction) =>
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO alongside_key (idem_key) VALUES ('cmd-{i}')";
                insert.ExecuteNonQuery();
            })));

        var alongside = EntryKeys.Stored(Backend, "SELECT idem_key FROM alongside_key ORDER BY idem_key");
        Assert.NotEmpty(alongside);
        Assert.Equal(alongside, EntryKeys.Stored(Backend, "SELECT idem_key FROM entry_key ORDER BY idem_key"));
    }

    /// <summary>
    /// An application's projection for the tests: every entry's key, in a table of its own; or only the keys an alongside
    /// row of the same entry holds, found by reading that row.
    /// </summary>
    private sealed class EntryKeys(bool onlyWithAlongsideRow = false) : IEntryProjection
    {
        private readonly List<(long Sequence, string Key)> _seen = [];

        public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine) =>
            _seen.Add((sequence, idempotencyKey));

        public IReadOnlyList<AlongsideRows> Flush()
        {
            if (_seen.Count == 0) return [];
            var rows = _seen.ToArray();
            _seen.Clear();
            return [(connection, transaction) =>
            {
                foreach (var (sequence, key) in rows)
                {
                    using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = onlyWithAlongsideRow
                        ? $"INSERT INTO entry_key (seq, idem_key) SELECT {sequence}, idem_key FROM alongside_key WHERE idem_key = '{key}' ON CONFLICT (seq) DO NOTHING"
                        : $"INSERT INTO entry_key (seq, idem_key) VALUES ({sequence}, '{key}') ON CONFLICT (seq) DO NOTHING";
                    insert.ExecuteNonQuery();
                }
            }];
        }

        /// <summary>The rows of <paramref name="query"/>, each row's columns joined by a space.</summary>
        public static IReadOnlyList<string> Stored(IBackend backend, string query = "SELECT seq, idem_key FROM entry_key ORDER BY seq")
        {
            using var connection = backend.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            return rows;
        }
    }

    [Fact]
    public async Task TamperedProjection_FailsTheAudit()
    {
        await using (var sequencer = Sequencer.Start(Backend.Open()))
            await SubmitAll(sequencer, Workload.Commands(100));
        Backend.Tamper("UPDATE member_balance SET cash_fen = cash_fen + 1 WHERE member_id = 'm1'");

        using var store = Backend.Open();
        Assert.StartsWith("member m1: stored balance", JournalAudit.Run(store).Problem);
    }

    [Fact]
    public async Task Opening_FromSeveralProcessesAtOnce_AppliesEachSchemaStepOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Backend.Open().Dispose())));
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.Steps.Count).Select(step => step.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            EntryKeys.Stored(Backend, "SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public void Opening_Twice_AppliesTheSchemaOnce()
    {
        Backend.Open().Dispose();
        using var store = Backend.Open();
        Assert.Equal(JournalHead.Empty.Sequence, store.ReadHead().Sequence);
    }

    protected static async Task SubmitAll(Sequencer sequencer, IReadOnlyList<Command> commands, int firstKey = 0)
    {
        var receipts = await Task.WhenAll(commands.Select((command, i) => sequencer.SubmitAsync($"cmd-{firstKey + i}", command)));
        Assert.All(receipts, receipt => Assert.Equal(SubmitStatus.Applied, receipt.Status));
    }

    /// <summary>
    /// Submits <paramref name="commands"/> in rounds of <paramref name="round"/>, each answered before the next is sent.
    /// A round's last batch then ends exactly on a multiple of <paramref name="round"/> however the sequencer splits
    /// the round into batches, so snapshots taken every <paramref name="round"/> entries land on known sequences.
    /// </summary>
    private static async Task SubmitInRounds(Sequencer sequencer, IReadOnlyList<Command> commands, int round)
    {
        for (var start = 0; start < commands.Count; start += round)
        {
            var receipts = await Task.WhenAll(commands.Skip(start).Take(round).Select((command, i) => sequencer.SubmitAsync($"cmd-{start + i}", command)));
            Assert.All(receipts, receipt => Assert.Equal(SubmitStatus.Applied, receipt.Status));
        }
    }

    private static ValuePoolEngine Replayed(IEnumerable<Command> commands)
    {
        var engine = new ValuePoolEngine();
        foreach (var command in commands) engine.Apply(command);
        return engine;
    }

    private static string ProjectionRows(IJournalStore store)
    {
        var text = new StringBuilder();
        foreach (var row in store.Queries.AllBalances()) text.AppendLine(row.ToString());
        foreach (var row in store.Queries.AllBalances().SelectMany(b => store.Queries.MemberHistory(b.Member))) text.AppendLine(row.ToString());
        foreach (var row in ((string[])["s1", "s2"]).SelectMany(store.Queries.StoreRevenue)) text.AppendLine(row.ToString());
        foreach (var row in store.Queries.PriceHistory()) text.AppendLine(row.ToString());
        return text.ToString();
    }

    private static (int Exit, string Stdout, string Stderr) RunCli(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ValuePool.Cli.Cli.Run(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
