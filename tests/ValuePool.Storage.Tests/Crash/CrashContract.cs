using ValuePool.Storage.Audit;
using ValuePool.Storage.Codec;
using ValuePool.Storage.CrashHost;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Sequencing;
using ValuePool.Storage.Tests.Backends;
using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Crash;

/// <summary>
/// A child process applies commands under load and is killed with SIGKILL at random moments. After
/// each kill: every acknowledged command is in the journal exactly once, every stored entry is a
/// whole command with the body its key stands for (nothing half-applied), recovery succeeds, and the
/// audit passes. Each restart resubmits from before the last acknowledgement, so retries cross crashes.
/// </summary>
public abstract class CrashContract : IDisposable
{
    protected abstract IBackend Backend { get; }
    protected abstract int Kills { get; }

    public void Dispose() => Backend.Dispose();

    [Fact]
    public async Task KilledAtRandom_LosesNothingAcknowledged_AndHalfAppliesNothing()
    {
        var random = new Random(2026);
        var acknowledged = new HashSet<long>();
        long next = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var child = new CrashChild(Backend.Location, Math.Max(0, next - 300), 1_000_000);
            Assert.True(await child.WaitReadyAsync(TimeSpan.FromSeconds(60)), "the crash host did not start");
            // Every other kill waits for a first acknowledgement, so acknowledged work is always at stake
            // however slow the machine; the others may land anywhere, recovery and start-up included.
            if (kill % 2 == 0) Assert.True(await child.WaitFirstAcknowledgementAsync(TimeSpan.FromSeconds(60)), "the crash host acknowledged nothing");
            await Task.Delay(random.Next(20, 250));
            var acks = child.Kill();
            acknowledged.UnionWith(acks);
            if (acks.Count > 0) next = Math.Max(next, acks.Max() + 1);
            CheckJournal(acknowledged);
        }
        Assert.True(acknowledged.Count >= (Kills + 1) / 2, $"only {acknowledged.Count} commands were acknowledged");

        // The last kill left the projections behind the journal, or not; a start catches them up either way.
        await (Sequencer.Start(Backend.Open())).DisposeAsync();
        using var store = Backend.Open();
        Assert.Equal(store.ReadHead().Sequence, store.ProjectionCheckpoint());
        Assert.True(JournalAudit.Run(store).Passed);
    }

    private void CheckJournal(HashSet<long> acknowledged)
    {
        using var store = Backend.Open();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in JournalReading.From(store, 1))
        {
            counts[entry.IdempotencyKey] = counts.GetValueOrDefault(entry.IdempotencyKey) + 1;
            if (entry.IdempotencyKey == CrashWorkload.StoreKey) continue;
            var number = long.Parse(entry.IdempotencyKey.AsSpan("order-".Length));
            Assert.True(CommandCodec.SameRequest(CommandCodec.Encode(CrashWorkload.Command(number)), entry.Command), $"entry {entry.Sequence} holds another body");
        }
        Assert.All(counts, pair => Assert.Equal(1, pair.Value));
        Assert.All(acknowledged, number => Assert.True(counts.ContainsKey(CrashWorkload.Key(number)), $"acknowledged {number} is missing"));
        var recovered = Recovery.Run(store);
        Assert.Equal(store.ReadHead().Sequence, recovered.Head.Sequence);
        Assert.InRange(store.ProjectionCheckpoint(), 0, recovered.Head.Sequence);
        var report = JournalAudit.Run(store);
        Assert.True(report.Passed, report.Problem);
    }
}

public sealed class SqliteCrashTests : CrashContract
{
    protected override IBackend Backend { get; } = new SqliteBackend();
    protected override int Kills => 20;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashTests(PostgresServer server) : CrashContract
{
    protected override IBackend Backend { get; } = new PostgresBackend(server);
    protected override int Kills => 5;
}
