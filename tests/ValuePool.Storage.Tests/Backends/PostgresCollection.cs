using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Backends;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
