using System.Diagnostics;
using ValuePool.Storage.Postgres;
using ValuePool.Storage.Sequencing;
using ValuePool.Storage.Tests.Backends;
using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Leadership;

[Collection(PostgresCollection.Name)]
public sealed class LeaderLeaseTests(PostgresServer server)
{
    private readonly string _connectionString = StoreLocation.PostgresConnectionString(server.NewSchemaUri());

    [Fact]
    public async Task APartitionedLeader_CannotCommit_OnceAnotherTookTheLease()
    {
        var commands = Workload.Commands(12);
        var storeA = PostgresJournalStore.Open(_connectionString);
        using var leaseA = LeaderLease.TryTake(_connectionString, "http://a.example")!;
        Assert.NotNull(leaseA);
        Assert.Null(LeaderLease.TryTake(_connectionString, "http://b.example"));
        Assert.Equal((leaseA.Epoch, "http://a.example", leaseA.PeerToken), LeaderLease.Current(_connectionString));
        Assert.Equal(64, leaseA.PeerToken.Length);
        storeA.Fence(leaseA.Epoch);
        await using var leaderA = Sequencer.Start(storeA);
        for (var i = 0; i < 10; i++) Assert.Equal(SubmitStatus.Applied, (await leaderA.SubmitAsync($"k{i}", commands[i])).Status);

        // A's lease session is cut (its network to the database, say); its journal connection still works.
        server.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'valuepool-leader'");
        var leaseB = await TakeWithinAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(leaseA.Epoch + 1, leaseB.Epoch);
        Assert.NotEqual(leaseA.PeerToken, leaseB.PeerToken);
        Assert.False(leaseA.IsHeld());

        var refused = await Assert.ThrowsAsync<SequencerStoppedException>(() => leaderA.SubmitAsync("k10", commands[10]));
        Assert.IsType<LeadershipLostException>(refused.InnerException);
        var storeB = PostgresJournalStore.Open(_connectionString);
        storeB.Fence(leaseB.Epoch);
        await using var leaderB = Sequencer.Start(storeB);
        Assert.Equal(10, leaderB.DurableSequence);
        // The client's retry under the same key is applied once, by the new leader.
        Assert.Equal(new(SubmitStatus.Applied, 11), ((await leaderB.SubmitAsync("k10", commands[10])) is var r ? (r.Status, r.Sequence) : default));
        Assert.Equal(SubmitStatus.Duplicate, (await leaderB.SubmitAsync("k10", commands[10])).Status);
        leaseB.Dispose();
    }

    [Fact]
    public async Task AFollower_AppliesWhatTheLeaderAppends_WokenByItsNotifications()
    {
        var commands = Workload.Commands(80);
        var store = PostgresJournalStore.Open(_connectionString);
        using var lease = LeaderLease.TryTake(_connectionString, "http://a.example")!;
        store.Fence(lease.Epoch);
        await using var leader = Sequencer.Start(store);
        for (var i = 0; i < 40; i++) await leader.SubmitAsync($"k{i}", commands[i]);
        // It polls once a minute here: only the notifications can bring it the later entries in time.
        await using var follower = JournalFollower.Start(PostgresJournalStore.Open(_connectionString), TimeSpan.FromMinutes(1));
        Assert.Equal(40, follower.AppliedSequence);
        await using var notifications = new JournalNotifications(_connectionString, last => follower.Nudge(last));
        await Task.Delay(200);
        var last = 0L;
        for (var i = 40; i < commands.Count; i++) last = (await leader.SubmitAsync($"k{i}", commands[i])).Sequence;
        var waited = Stopwatch.StartNew();
        await follower.ReachAsync(last).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(last, follower.AppliedSequence);
        Assert.Equal(await leader.ReadAsync(e => (e.Orders, e.Pool, e.Price)), await follower.ReadAsync(e => (e.Orders, e.Pool, e.Price)));
    }

    private async Task<LeaderLease> TakeWithinAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (LeaderLease.TryTake(_connectionString, "http://b.example") is { } lease) return lease;
            Assert.True(waited.Elapsed < limit, "the lease was not released");
            await Task.Delay(50);
        }
    }
}
