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
