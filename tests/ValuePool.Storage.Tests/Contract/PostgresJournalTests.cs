using ValuePool.Storage.Tests.Backends;

namespace ValuePool.Storage.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresServer server) : JournalContract
{
    protected override IBackend Backend { get; } = new PostgresBackend(server);
}
