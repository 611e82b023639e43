using System.Data.Common;
using ValuePool.Storage.Journal;

namespace ValuePool.Storage.Tests.Backends;

/// <summary>A fresh, empty database of one back end, private to one test.</summary>
public interface IBackend : IDisposable
{
    /// <summary>What `valuepool audit verify --db` takes: a file path or a postgres:// URI.</summary>
    string Location { get; }

    IJournalStore Open() => StoreLocation.Open(Location);

    /// <summary>An open connection to the database, outside the store (to read the application's own tables).</summary>
    DbConnection Connect();

    /// <summary>Runs one SQL statement outside the store, as an intruder or a failing disk would.</summary>
    void Tamper(string sql);
}
