using System.Security.Cryptography;
using Dapper;

namespace ValuePool.Server.Data;

/// <summary>Named values the server keeps in its own table: generated secrets and the settlement checkpoint.</summary>
public sealed class ServerSettings(ServerDatabase database)
{
    public string? Get(string name) =>
        database.QuerySingleAsync<string>("SELECT value FROM server_setting WHERE name = @name", new { name }).GetAwaiter().GetResult();

    public void Set(string name, string value)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO server_setting (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            new { name, value });
    }

    /// <summary>The secret stored under <paramref name="name"/>, generated (32 random bytes) on first use: never a hard-coded default.</summary>
    public string SecretOrGenerate(string name)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO server_setting (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
            new { name, value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        return connection.QuerySingle<string>("SELECT value FROM server_setting WHERE name = @name", new { name });
    }
}
