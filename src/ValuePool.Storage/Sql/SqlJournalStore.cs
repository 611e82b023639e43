using System.Data.Common;
using ValuePool.Core.Engine;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;
using ValuePool.Storage.Snapshots;

namespace ValuePool.Storage.Sql;

/// <summary>
/// What both back ends do the same way through ADO.NET: the schema, reads, snapshots, the
/// transaction around an append. A back end supplies its types and its fastest way to write rows.
/// </summary>
public abstract class SqlJournalStore : IJournalStore
{
    private const string EntryColumns = "seq, idem_key, command, result, tx_digest, prev_hash, hash";

    protected SqlJournalStore(DbConnection connection, string location)
    {
        Connection = connection;
        Location = location;
        Queries = new ProjectionQueries(connection);
    }

    protected DbConnection Connection { get; }
    public string Location { get; }
    public ProjectionQueries Queries { get; }

    protected abstract string IntegerType { get; }
    protected abstract string BytesType { get; }

    /// <summary>What follows a table's definition to store it in its primary key's order (empty: the back end has no such option).</summary>
    protected abstract string ClusteredTableOption { get; }

    /// <summary>Inserts the journal rows inside <paramref name="transaction"/>.</summary>
    protected abstract void InsertEntries(DbTransaction transaction, IReadOnlyList<JournalEntry> entries);

    /// <summary>Writes projection rows (and the checkpoint) inside <paramref name="transaction"/>.</summary>
    protected abstract void UpsertProjections(DbTransaction transaction, ProjectionBatch projections);

    /// <summary>
    /// Runs first in every transaction that writes the journal, snapshots or projections; throws to refuse the write
    /// (a deposed leader's, <see cref="Postgres.PostgresJournalStore.Fence"/>). <paramref name="appendedThrough"/>: the last
    /// entry durable once the transaction commits, when it appends entries.
    /// </summary>
    protected virtual void CheckWriter(DbTransaction transaction, long? appendedThrough) { }

    /// <summary>
    /// Which processes may change the schema at once: <see cref="Migrate"/> holds this while it runs (null: the back end's
    /// write transactions are serialized already, as SQLite's are).
    /// </summary>
    protected virtual IDisposable? LockSchema() => null;

    /// <summary>
    /// Applies the schema steps this database has not seen yet, each in its own transaction. Another process (a second
    /// server, the CLI) may be migrating the same database at the same moment: each step is checked again inside its
    /// transaction, under <see cref="LockSchema"/>.
    /// </summary>
    protected void Migrate()
    {
        using var exclusive = LockSchema();
        Execute(null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        for (var step = 0; step < SchemaMigrations.Steps.Count; step++)
        {
            using var transaction = Connection.BeginTransaction();
            if (AppliedSteps(transaction) > step) continue;
            Execute(transaction, SchemaMigrations.Steps[step].Replace("{int}", IntegerType).Replace("{blob}", BytesType).Replace("{clustered}", ClusteredTableOption));
            Execute(transaction, $"INSERT INTO schema_version (version) VALUES ({step + 1})");
            transaction.Commit();
        }
    }

    public JournalHead ReadHead()
    {
        using var command = Command(null, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new JournalHead(reader.GetInt64(0), (byte[])reader[1]) : JournalHead.Empty;
    }

    public void Append(IReadOnlyList<JournalEntry> entries, ProjectionBatch? projections, IReadOnlyList<AlongsideRows> alongside)
    {
        using var transaction = Connection.BeginTransaction();
        CheckWriter(transaction, entries[^1].Sequence);
        InsertEntries(transaction, entries);
        foreach (var rows in alongside) rows(Connection, transaction);
        // After the alongside rows: the application's projection may read them (an order's member, say).
        if (projections is not null) WriteProjectionRows(transaction, projections);
        transaction.Commit();
    }

    public IReadOnlyList<JournalEntry> ReadFrom(long firstSequence, int countMax)
    {
        using var command = Command(null, $"SELECT {EntryColumns} FROM journal WHERE seq >= @first ORDER BY seq LIMIT @count",
            ("first", firstSequence), ("count", (long)countMax));
        using var reader = command.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read()) entries.Add(ReadEntry(reader));
        return entries;
    }

    public JournalEntry? Find(long sequence)
    {
        using var command = Command(null, $"SELECT {EntryColumns} FROM journal WHERE seq = @seq", ("seq", sequence));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    public IEnumerable<(string Key, long Sequence)> ReadKeys()
    {
        using var command = Command(null, "SELECT idem_key, seq FROM journal");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), reader.GetInt64(1));
    }

    public void SaveSnapshot(StoredSnapshot snapshot)
    {
        using var transaction = Connection.BeginTransaction();
        CheckWriter(transaction, null);
        Execute(transaction, "INSERT INTO snapshot (seq, journal_hash, state, sha256) VALUES (@seq, @hash, @state, @sha)",
            ("seq", snapshot.Sequence), ("hash", snapshot.JournalHash), ("state", snapshot.State), ("sha", snapshot.Sha256));
        transaction.Commit();
    }

    public IReadOnlyList<long> SnapshotSequences()
    {
        using var command = Command(null, "SELECT seq FROM snapshot ORDER BY seq DESC");
        using var reader = command.ExecuteReader();
        var sequences = new List<long>();
        while (reader.Read()) sequences.Add(reader.GetInt64(0));
        return sequences;
    }

    public StoredSnapshot? LoadSnapshot(long sequence)
    {
        using var command = Command(null, "SELECT seq, journal_hash, state, sha256 FROM snapshot WHERE seq = @seq", ("seq", sequence));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredSnapshot(reader.GetInt64(0), (byte[])reader[1], (byte[])reader[2], (byte[])reader[3]) : null;
    }

    public long ProjectionCheckpoint() => Convert.ToInt64(Scalar("SELECT seq FROM projection_checkpoint WHERE id = 1"));

    public void ResetProjections()
    {
        using var transaction = Connection.BeginTransaction();
        CheckWriter(transaction, null);
        foreach (var table in (string[])["member_balance", "member_history", "store_revenue_day", "price_history"])
            Execute(transaction, $"DELETE FROM {table}");
        Execute(transaction, "UPDATE projection_checkpoint SET seq = 0");
        transaction.Commit();
    }

    public void WriteProjections(ProjectionBatch projections)
    {
        using var transaction = Connection.BeginTransaction();
        CheckWriter(transaction, null);
        WriteProjectionRows(transaction, projections);
        transaction.Commit();
    }

    private void WriteProjectionRows(DbTransaction transaction, ProjectionBatch projections)
    {
        UpsertProjections(transaction, projections);
        foreach (var rows in projections.ApplicationRows ?? []) rows(Connection, transaction);
    }

    public void Dispose() => Connection.Dispose();

    protected DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) AddParameter(command, name, value);
        return command;
    }

    protected static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        // Named as in the SQL, prefix included: Microsoft.Data.Sqlite looks a bare name up once as given and then
        // once per prefix it tries, building a UTF-8 string each time, on every execution (measured on the
        // sequencer's thread). Npgsql strips the prefix.
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected void Execute(DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(transaction, sql);
        return command.ExecuteScalar();
    }

    private int AppliedSteps(DbTransaction transaction) =>
        Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction));

    private static JournalEntry ReadEntry(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], (CommandResult)reader.GetInt64(3),
        (byte[])reader[4], (byte[])reader[5], (byte[])reader[6]);
}
