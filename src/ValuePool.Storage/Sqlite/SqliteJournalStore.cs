using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Sql;

namespace ValuePool.Storage.Sqlite;

/// <summary>
/// The embedded default: one file in WAL mode with <c>synchronous=FULL</c>, so a committed batch
/// survives a process crash and a power loss. Group commit makes the fsync per batch, not per order.
/// Rows go through one prepared statement per table, reused for every row of a batch.
/// </summary>
public sealed class SqliteJournalStore : SqlJournalStore
{
    private SqliteJournalStore(SqliteConnection connection, string path) : base(connection, path) { }

    public static SqliteJournalStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new SqliteJournalStore(connection, path);
        store.Execute(null, "PRAGMA journal_mode=WAL");
        store.Execute(null, "PRAGMA synchronous=FULL");
        store.Execute(null, "PRAGMA busy_timeout=10000");
        store.Migrate();
        return store;
    }

    protected override string IntegerType => "INTEGER";
    protected override string ClusteredTableOption => " WITHOUT ROWID";
    protected override string BytesType => "BLOB";

    protected override void InsertEntries(DbTransaction transaction, IReadOnlyList<JournalEntry> entries)
    {
        using var insert = Command(transaction,
            "INSERT INTO journal (seq, idem_key, command, result, tx_digest, prev_hash, hash) VALUES (@seq, @key, @command, @result, @digest, @prev, @hash)",
            ("seq", 0L), ("key", ""), ("command", Array.Empty<byte>()), ("result", 0L), ("digest", Array.Empty<byte>()), ("prev", Array.Empty<byte>()), ("hash", Array.Empty<byte>()));
        var p = insert.Parameters;
        insert.Prepare();
        foreach (var entry in entries)
        {
            p[0].Value = entry.Sequence;
            p[1].Value = entry.IdempotencyKey;
            p[2].Value = entry.Command;
            p[3].Value = (long)entry.Result;
            p[4].Value = entry.TransactionDigest;
            p[5].Value = entry.PreviousHash;
            p[6].Value = entry.Hash;
            insert.ExecuteNonQuery();
        }
    }

    protected override void UpsertProjections(DbTransaction transaction, ProjectionBatch projections)
    {
        InsertRows(transaction, projections.Balances,
            "INSERT INTO member_balance (member_id, cash_fen, points_units) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows) WHERE true " +
            "ON CONFLICT (member_id) DO UPDATE SET cash_fen = excluded.cash_fen, points_units = excluded.points_units",
            (json, row) => { json.WriteStringValue(row.Member); json.WriteNumberValue(row.CashFen); json.WriteNumberValue(row.PointsUnits); });
        InsertRows(transaction, projections.History,
            "INSERT INTO member_history (member_id, seq, cash_fen, points_units) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows) WHERE true " +
            "ON CONFLICT (member_id, seq) DO NOTHING",
            (json, row) => { json.WriteStringValue(row.Member); json.WriteNumberValue(row.Sequence); json.WriteNumberValue(row.CashFen); json.WriteNumberValue(row.PointsUnits); });
        InsertRows(transaction, projections.StoreRevenueIncrements,
            "INSERT INTO store_revenue_day (store_id, day, revenue_fen, net_fen, orders) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 " +
            "FROM json_each(@rows) WHERE true ON CONFLICT (store_id, day) DO UPDATE SET revenue_fen = store_revenue_day.revenue_fen + excluded.revenue_fen, " +
            "net_fen = store_revenue_day.net_fen + excluded.net_fen, orders = store_revenue_day.orders + excluded.orders",
            (json, row) =>
            {
                json.WriteStringValue(row.Store); json.WriteStringValue(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumberValue(row.RevenueFen); json.WriteNumberValue(row.NetFen); json.WriteNumberValue(row.Orders);
            });
        InsertRows(transaction, projections.Prices,
            "INSERT INTO price_history (unix_minute, seq, pool_fen, points_units, price) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 " +
            "FROM json_each(@rows) WHERE true ON CONFLICT (unix_minute) DO UPDATE SET seq = excluded.seq, pool_fen = excluded.pool_fen, " +
            "points_units = excluded.points_units, price = excluded.price",
            (json, row) =>
            {
                json.WriteNumberValue(row.UnixMinute); json.WriteNumberValue(row.Sequence); json.WriteNumberValue(row.PoolFen); json.WriteNumberValue(row.PointsUnits);
                json.WriteStringValue(row.Price.ToFractionString());
            });
        Execute(transaction, "UPDATE projection_checkpoint SET seq = @seq", ("seq", projections.Checkpoint));
    }

    /// <summary>
    /// Runs <paramref name="sql"/> once with every row in one parameter, <c>@rows</c>: a JSON array of arrays that the
    /// statement unpacks with <c>json_each</c> (what <c>unnest</c> does on PostgreSQL). Binding parameters is most of what
    /// a statement's execution costs here, so one parameter for all rows beats a statement, or a tuple, per row (measured).
    /// </summary>
    private void InsertRows<T>(DbTransaction transaction, IReadOnlyList<T> rows, string sql, Action<Utf8JsonWriter, T> writeRow)
    {
        if (rows.Count == 0) return;
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                writeRow(writer, row);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        Execute(transaction, sql, ("rows", Encoding.UTF8.GetString(json.WrittenSpan)));
    }
}
