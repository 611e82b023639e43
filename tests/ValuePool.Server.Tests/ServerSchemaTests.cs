using Dapper;
using Microsoft.Data.Sqlite;
using ValuePool.Server.Data;

namespace ValuePool.Server.Tests;

public sealed class ServerSchemaTests
{
    [Fact]
    public void ADatabaseFromBeforeTheStamps_GetsTheColumnOnce_AndItsUsersKeepTheirRows()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("valuepool-schema-").FullName, "old.db");
        using (var old = new SqliteConnection($"Data Source={path}"))
        {
            old.Execute("CREATE TABLE app_user (id TEXT PRIMARY KEY, phone TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, roles TEXT NOT NULL, created_ms BIGINT NOT NULL)");
            old.Execute("INSERT INTO app_user VALUES ('u_old', '13900000001', 'hash', 'member', 1)");
        }

        _ = new ServerDatabase(path);
        var reopened = new ServerDatabase(path); // a second open applies nothing twice

        using var connection = reopened.Open();
        Assert.Equal("", connection.QuerySingle<string>("SELECT security_stamp FROM app_user WHERE id = 'u_old'"));
        Assert.Equal(ServerSchema.Steps.Length, connection.QuerySingle<int>("SELECT COUNT(*) FROM server_schema_version"));
        SqliteConnection.ClearAllPools();
    }
}
