using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using ValuePool.Storage;
using ValuePool.Storage.Postgres;

namespace ValuePool.Server.Data;

/// <summary>
/// The server's own tables (everything that is not money) in the journal's database: the same
/// SQLite file or PostgreSQL database. Readers open pooled connections; writers go through
/// <see cref="ServerWriter"/>.
/// </summary>
public sealed class ServerDatabase
{
    private readonly string _connectionString;

    public ServerDatabase(string location)
    {
        IsPostgres = StoreLocation.IsPostgres(location);
        _connectionString = IsPostgres
            ? StoreLocation.PostgresConnectionString(location)
            : new SqliteConnectionStringBuilder { DataSource = location, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        if (!IsPostgres) connection.Execute("PRAGMA journal_mode=WAL");
        // Another server may start on the same PostgreSQL schema at this moment, and concurrent CREATE … IF NOT EXISTS
        // can fail there: the schema is created under the advisory lock the journal's migrations take too.
        if (IsPostgres) connection.Execute(PostgresJournalStore.LockSchemaSql);
        try
        {
            foreach (var statement in ServerSchema.Statements) connection.Execute(statement.Replace(ServerSchema.Clustered, IsPostgres ? "" : " WITHOUT ROWID"));
            ApplySteps(connection);
        }
        finally
        {
            if (IsPostgres) connection.Execute(PostgresJournalStore.UnlockSchemaSql);
        }
    }

    public bool IsPostgres { get; }

    /// <summary>
    /// The <see cref="ServerSchema.Steps"/> this database has not seen, each in its own transaction. Another process may be
    /// migrating at the same moment: each step is checked again inside its transaction (an immediate one on SQLite, which
    /// serializes writers; under the schema lock on PostgreSQL).
    /// </summary>
    private static void ApplySteps(DbConnection connection)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS server_schema_version (version INTEGER NOT NULL)");
        for (var step = 0; step < ServerSchema.Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM server_schema_version", transaction: transaction) > step) continue;
            connection.Execute(ServerSchema.Steps[step], transaction: transaction);
            connection.Execute("INSERT INTO server_schema_version (version) VALUES (@version)", new { version = step + 1 }, transaction);
            transaction.Commit();
        }
    }

    /// <summary>
    /// A FROM item with one row per element of the JSON array in <paramref name="parameter"/>, each as <c>j.value</c>: rows
    /// written by one statement (binding a parameter per value is most of what a statement costs).
    /// </summary>
    public string JsonArrayRows(string parameter) =>
        IsPostgres ? $"jsonb_array_elements(CAST({parameter} AS jsonb)) AS j (value)" : $"json_each({parameter}) AS j";

    public DbConnection Open()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        if (!IsPostgres) connection.Execute("PRAGMA busy_timeout=10000");
        return connection;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return await connection.QuerySingleOrDefaultAsync<T>(sql, parameters);
    }
}
