using ValuePool.Storage.Tests.Backends;

namespace ValuePool.Storage.Tests.Contract;

public sealed class SqliteJournalTests : JournalContract
{
    protected override IBackend Backend { get; } = new SqliteBackend();
}
