using ValuePool.Storage.Tests.Backends;

using ValuePool.Testing;

namespace ValuePool.Storage.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresServer server) : JournalContract
{
    protected override IBackend Backend { get; } = new PostgresBackend(server);
}
