using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Backends;

public sealed class PostgresBackend(PostgresServer server) : IBackend
{
    public string Location { get; } = server.NewSchemaUri();

    public void Tamper(string sql) => server.Execute(sql, StoreLocation.PostgresConnectionString(Location));

    /// <summary>The schema goes with the server at the end of the run.</summary>
    public void Dispose() { }
}
