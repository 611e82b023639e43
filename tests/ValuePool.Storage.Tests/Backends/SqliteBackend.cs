using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ValuePool.Storage.Tests.Backends;

public sealed class SqliteBackend : IBackend
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("valuepool-sqlite-");

    public string Location => Path.Combine(_directory.FullName, "journal.db");

    public DbConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Location};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Tamper(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
