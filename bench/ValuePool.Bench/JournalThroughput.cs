using System.Diagnostics;
using Npgsql;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Storage;
using ValuePool.Storage.Postgres;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Bench;

/// <summary>
/// `--journal DB [ORDERS]`: durable consume orders per second through the sequencer (group commit)
/// into a SQLite file or a postgres:// database (fenced by a leader lease, as a server is), journal only and with projections; for PostgreSQL
/// also the naive design (one transaction per order, <c>SELECT … FOR UPDATE</c> on the pool row)
/// on the same server, and the ratio. Every order is acknowledged only after its batch committed.
/// </summary>
public static class JournalThroughput
{
    private const int NaiveConnections = 8;
    private static readonly TimeSpan NaiveDuration = TimeSpan.FromSeconds(10);

    public static int Run(string location, int orders)
    {
        var journalOnly = Measure(location, orders, projections: false, run: 1);
        Console.WriteLine($"journal only:       {orders:N0} orders in {journalOnly.TotalSeconds:F2} s = {orders / journalOnly.TotalSeconds:N0} orders/s");
        var withProjections = Measure(location, orders, projections: true, run: 2);
        Console.WriteLine($"with projections:   {orders:N0} orders in {withProjections.TotalSeconds:F2} s = {orders / withProjections.TotalSeconds:N0} orders/s");
        if (!StoreLocation.IsPostgres(location)) return 0;
        var naive = NaiveOrdersPerSecond(StoreLocation.PostgresConnectionString(location));
        Console.WriteLine($"naive (tx per order, FOR UPDATE, {NaiveConnections} connections): {naive:N0} orders/s");
        Console.WriteLine($"ratio ours (journal only) / naive: {orders / journalOnly.TotalSeconds / naive:F1}x");
        return 0;
    }

    /// <summary>Submits every order at once (the sequencer's bounded queue holds submitters back) and waits for every receipt.</summary>
    private static TimeSpan Measure(string location, int orders, bool projections, int run)
    {
        var commands = Enumerable.Range(0, orders)
            .Select(i => (Key: $"run{run}-order-{i}", Command: (Command)new Consume($"m{i % 100_000}", "s1", new Money(10_000 + i % 1000), DateTimeOffset.UnixEpoch.AddSeconds(i))))
            .ToArray();
        var store = StoreLocation.Open(location);
        // On PostgreSQL as a server leads: under the lease, every batch checking its epoch (docs/ARCHITECTURE.md, "Several nodes").
        using var lease = store is PostgresJournalStore ? LeaderLease.TryTake(StoreLocation.PostgresConnectionString(location), "bench") : null;
        if (lease is not null) ((PostgresJournalStore)store).Fence(lease.Epoch);
        var sequencer = Sequencer.Start(store, new SequencerOptions { Projections = projections, SnapshotEveryEntries = long.MaxValue, CommandsPerBatchMax = 16_384, QueuedCommandsMax = 262_144 });
        sequencer.SubmitAsync($"run{run}-store", new RegisterStore("s1", "owner", null, new Region(["gd", "dg", "songshan"]), DateTimeOffset.UnixEpoch)).Wait();
        var clock = Stopwatch.StartNew();
        var receipts = commands.Select(c => sequencer.SubmitAsync(c.Key, c.Command)).ToArray();
        Task.WaitAll(receipts);
        clock.Stop();
        sequencer.DisposeAsync().AsTask().Wait();
        if (receipts.Any(r => r.Result.Status != SubmitStatus.Applied)) throw new InvalidOperationException("an order was not applied");
        return clock.Elapsed;
    }

    /// <summary>The typical mall: each order locks the pool row, updates it and the member, records the order, commits.</summary>
    private static double NaiveOrdersPerSecond(string connectionString)
    {
        using (var setup = new NpgsqlConnection(connectionString))
        {
            setup.Open();
            using var create = new NpgsqlCommand("""
                DROP TABLE IF EXISTS naive_pool, naive_member, naive_order;
                CREATE TABLE naive_pool (id INT PRIMARY KEY, pool_fen BIGINT NOT NULL, points_units BIGINT NOT NULL);
                CREATE TABLE naive_member (id TEXT PRIMARY KEY, points_units BIGINT NOT NULL);
                CREATE TABLE naive_order (id BIGSERIAL PRIMARY KEY, member_id TEXT NOT NULL, amount_fen BIGINT NOT NULL);
                INSERT INTO naive_pool VALUES (1, 0, 0);
                """, setup);
            create.ExecuteNonQuery();
        }
        long completed = 0;
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, NaiveConnections).Select(worker => Task.Run(() =>
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            for (var i = 0; deadline.Elapsed < NaiveDuration; i++)
            {
                NaiveOrder(connection, $"m{(worker * 1_000_000 + i) % 100_000}", 10_000 + i % 1000);
                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        Task.WaitAll(workers);
        return completed / deadline.Elapsed.TotalSeconds;
    }

    private static void NaiveOrder(NpgsqlConnection connection, string member, long amountFen)
    {
        using var transaction = connection.BeginTransaction();
        long poolFen, pointsUnits;
        using (var select = new NpgsqlCommand("SELECT pool_fen, points_units FROM naive_pool WHERE id = 1 FOR UPDATE", connection, transaction))
        using (var reader = select.ExecuteReader())
        {
            reader.Read();
            (poolFen, pointsUnits) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var contributionFen = amountFen * 16 / 100;
        var mintedUnits = pointsUnits == 0 ? contributionFen * 70 : contributionFen * 70 * pointsUnits / (100 * poolFen) * 100;
        using (var update = new NpgsqlCommand("UPDATE naive_pool SET pool_fen = pool_fen + @c, points_units = points_units + @m WHERE id = 1; " +
            "INSERT INTO naive_member VALUES (@id, @m) ON CONFLICT (id) DO UPDATE SET points_units = naive_member.points_units + @m; " +
            "INSERT INTO naive_order (member_id, amount_fen) VALUES (@id, @a)", connection, transaction))
        {
            update.Parameters.AddWithValue("c", contributionFen);
            update.Parameters.AddWithValue("m", mintedUnits);
            update.Parameters.AddWithValue("id", member);
            update.Parameters.AddWithValue("a", amountFen);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
