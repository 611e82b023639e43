using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Sql;

namespace ValuePool.Storage.Postgres;

/// <summary>
/// PostgreSQL, the shared system of record when one machine is not enough. Journal rows go in by
/// binary COPY (one round trip per batch, no per-row parsing); projection rows go in as arrays
/// unnested by one statement per table, so a batch costs a handful of round trips whatever its size.
/// </summary>
public sealed class PostgresJournalStore : SqlJournalStore
{
    private PostgresJournalStore(NpgsqlConnection connection, string location) : base(connection, location) { }

    public static PostgresJournalStore Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var store = new PostgresJournalStore(connection, $"postgres {connection.Host}:{connection.Port}/{connection.Database}");
        store.Migrate();
        return store;
    }

    /// <summary>A session advisory lock on the current schema's name: whoever changes that schema (journal or server tables) holds it.</summary>
    public const string LockSchemaSql = "SELECT pg_advisory_lock(hashtext(current_schema()))";

    public const string UnlockSchemaSql = "SELECT pg_advisory_unlock(hashtext(current_schema()))";

    protected override IDisposable? LockSchema()
    {
        Execute(null, LockSchemaSql);
        return new SchemaLock(this);
    }

    private sealed class SchemaLock(PostgresJournalStore store) : IDisposable
    {
        public void Dispose() => store.Execute(null, UnlockSchemaSql);
    }

    /// <summary>The channel each appending transaction notifies (on commit) with the last sequence it appended; followers listen.</summary>
    public const string JournalChannel = "valuepool_journal";

    private long? _fencingEpoch;

    /// <summary>
    /// From now on every write checks, in its own transaction, that <c>sequencer_leader</c> still holds
    /// <paramref name="epoch"/> (the one <see cref="LeaderLease"/> took), and keeps the row share-locked until it commits:
    /// a new leader's epoch bump waits for it, and every write after the bump is refused with
    /// <see cref="LeadershipLostException"/>. A deposed leader can therefore never commit.
    /// </summary>
    public void Fence(long epoch) => _fencingEpoch = epoch;

    protected override void CheckWriter(DbTransaction transaction, long? appendedThrough)
    {
        if (_fencingEpoch is not { } mine) return;
        // One round trip: the epoch, and the notification that PostgreSQL delivers only if the transaction commits.
        using var batch = new NpgsqlBatch(Npgsql, (NpgsqlTransaction)transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT epoch FROM sequencer_leader WHERE id = 1 FOR SHARE"));
        if (appendedThrough is { } last)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify(@channel, @last)")
            {
                Parameters = { new("channel", JournalChannel), new("last", last.ToString(CultureInfo.InvariantCulture)) },
            });
        long current;
        using (var reader = batch.ExecuteReader())
        {
            current = reader.Read() ? reader.GetInt64(0) : 0;
        }
        if (current != mine) throw new LeadershipLostException(mine, current);
    }

    protected override string IntegerType => "BIGINT";
    protected override string ClusteredTableOption => "";
    protected override string BytesType => "BYTEA";

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    protected override void InsertEntries(DbTransaction transaction, IReadOnlyList<JournalEntry> entries)
    {
        using var copy = Npgsql.BeginBinaryImport("COPY journal (seq, idem_key, command, result, tx_digest, prev_hash, hash) FROM STDIN (FORMAT BINARY)");
        foreach (var entry in entries)
        {
            copy.StartRow();
            copy.Write(entry.Sequence, NpgsqlDbType.Bigint);
            copy.Write(entry.IdempotencyKey, NpgsqlDbType.Text);
            copy.Write(entry.Command, NpgsqlDbType.Bytea);
            copy.Write((long)entry.Result, NpgsqlDbType.Bigint);
            copy.Write(entry.TransactionDigest, NpgsqlDbType.Bytea);
            copy.Write(entry.PreviousHash, NpgsqlDbType.Bytea);
            copy.Write(entry.Hash, NpgsqlDbType.Bytea);
        }
        copy.Complete();
    }

    protected override void UpsertProjections(DbTransaction transaction, ProjectionBatch projections)
    {
        var batch = new NpgsqlBatch(Npgsql, (NpgsqlTransaction)transaction);
        Add(batch, projections.Balances.Count,
            "INSERT INTO member_balance (member_id, cash_fen, points_units) SELECT * FROM unnest(@p0, @p1, @p2) ON CONFLICT (member_id) DO UPDATE SET cash_fen = excluded.cash_fen, points_units = excluded.points_units",
            projections.Balances.Select(r => r.Member).ToArray(), projections.Balances.Select(r => r.CashFen).ToArray(), projections.Balances.Select(r => r.PointsUnits).ToArray());
        Add(batch, projections.History.Count,
            "INSERT INTO member_history (member_id, seq, cash_fen, points_units) SELECT * FROM unnest(@p0, @p1, @p2, @p3) ON CONFLICT (member_id, seq) DO NOTHING",
            projections.History.Select(r => r.Member).ToArray(), projections.History.Select(r => r.Sequence).ToArray(),
            projections.History.Select(r => r.CashFen).ToArray(), projections.History.Select(r => r.PointsUnits).ToArray());
        Add(batch, projections.StoreRevenueIncrements.Count,
            "INSERT INTO store_revenue_day (store_id, day, revenue_fen, net_fen, orders) SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4) ON CONFLICT (store_id, day) DO UPDATE SET revenue_fen = store_revenue_day.revenue_fen + excluded.revenue_fen, net_fen = store_revenue_day.net_fen + excluded.net_fen, orders = store_revenue_day.orders + excluded.orders",
            projections.StoreRevenueIncrements.Select(r => r.Store).ToArray(),
            projections.StoreRevenueIncrements.Select(r => r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
            projections.StoreRevenueIncrements.Select(r => r.RevenueFen).ToArray(), projections.StoreRevenueIncrements.Select(r => r.NetFen).ToArray(),
            projections.StoreRevenueIncrements.Select(r => r.Orders).ToArray());
        Add(batch, projections.Prices.Count,
            "INSERT INTO price_history (unix_minute, seq, pool_fen, points_units, price) SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4) ON CONFLICT (unix_minute) DO UPDATE SET seq = excluded.seq, pool_fen = excluded.pool_fen, points_units = excluded.points_units, price = excluded.price",
            projections.Prices.Select(r => r.UnixMinute).ToArray(), projections.Prices.Select(r => r.Sequence).ToArray(),
            projections.Prices.Select(r => r.PoolFen).ToArray(), projections.Prices.Select(r => r.PointsUnits).ToArray(),
            projections.Prices.Select(r => r.Price.ToFractionString()).ToArray());
        Add(batch, 1, "UPDATE projection_checkpoint SET seq = @p0", projections.Checkpoint);
        batch.ExecuteNonQuery();
    }

    /// <summary>Adds one statement to the batch, parameters @p0, @p1, … in order; skipped when it has no rows.</summary>
    private static void Add(NpgsqlBatch batch, int rowCount, string sql, params object[] parameters)
    {
        if (rowCount == 0) return;
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < parameters.Length; i++)
            command.Parameters.Add(new NpgsqlParameter($"p{i}", parameters[i]));
        batch.BatchCommands.Add(command);
    }
}
