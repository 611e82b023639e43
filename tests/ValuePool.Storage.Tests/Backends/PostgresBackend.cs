using System.Data.Common;
using Npgsql;
using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Backends;

public sealed class PostgresBackend(PostgresServer server) : IBackend
{
    public string Location { get; } = server.NewSchemaUri();

    public DbConnection Connect()
    {
        var connection = new NpgsqlConnection(StoreLocation.PostgresConnectionString(Location));
        connection.Open();
        return connection;
    }

    public void Tamper(string sql) => server.Execute(sql, StoreLocation.PostgresConnectionString(Location));

    /// <summary>The schema goes with the server at the end of the run.</summary>
    public void Dispose() { }
}
