using Microsoft.Data.Sqlite;

namespace ValuePool.Storage.Tests.Backends;

public sealed class SqliteBackend : IBackend
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("valuepool-sqlite-");

    public string Location => Path.Combine(_directory.FullName, "journal.db");

    public void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Location};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
