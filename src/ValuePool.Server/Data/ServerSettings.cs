using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace ValuePool.Server.Data;

/// <summary>
/// Named values the server keeps in its own table: generated secrets and the settlement checkpoint. Secrets are stored
/// encrypted with ASP.NET Core Data Protection, whose keys live outside the database (<see cref="Hosting.ServerOptions.DataProtectionKeysDirectory"/>),
/// so a copy of the database alone gives no one the token signing key or the payment callback secret.
/// </summary>
public sealed class ServerSettings(ServerDatabase database, IDataProtectionProvider protection)
{
    /// <summary>Marks a protected value; a secret row without it was written before secrets were protected.</summary>
    public const string ProtectedPrefix = "protected:";

    private readonly IDataProtector _protector = protection.CreateProtector("ValuePool.ServerSettings.Secret");

    public string? Get(string name) =>
        database.QuerySingleAsync<string>("SELECT value FROM server_setting WHERE name = @name", new { name }).GetAwaiter().GetResult();

    public void Set(string name, string value)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO server_setting (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            new { name, value });
    }

    /// <summary>
    /// The secret stored under <paramref name="name"/>, generated (32 random bytes) on first use: never a hard-coded default.
    /// A plain row from an older version is encrypted in place, keeping its value, so tokens and callbacks signed with it
    /// stay valid.
    /// </summary>
    public string SecretOrGenerate(string name)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO server_setting (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
            new { name, value = ProtectedPrefix + _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) });
        var stored = connection.QuerySingle<string>("SELECT value FROM server_setting WHERE name = @name", new { name });
        if (stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)) return Unprotect(name, stored[ProtectedPrefix.Length..]);
        connection.Execute("UPDATE server_setting SET value = @value WHERE name = @name AND value = @stored",
            new { name, stored, value = ProtectedPrefix + _protector.Protect(stored) });
        return stored;
    }

    private string Unprotect(string name, string value)
    {
        try { return _protector.Unprotect(value); }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The server secret '{name}' cannot be decrypted: the Data Protection keys (ValuePool:DataProtectionKeysDirectory) " +
                "are not the ones it was encrypted with. Restore that directory, or configure the secret itself (docs/CONFIGURATION.md).", e);
        }
    }
}
