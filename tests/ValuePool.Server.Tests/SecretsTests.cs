using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ValuePool.Server.Data;

namespace ValuePool.Server.Tests;

/// <summary>Generated secrets are never plain rows: Data Protection encrypts them with keys kept outside the database.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task GeneratedSecrets_AreEncrypted_WithKeysBesideTheDatabase()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync()).BuyAsync(storeId, "10.00"); // the payment callback secret is made too

        var secrets = Rows(platform).Where(row => row.Name is "jwt.signing_key" or "payments.simulated_secret").ToList();
        Assert.Equal(2, secrets.Count);
        Assert.All(secrets, row => Assert.StartsWith(ServerSettings.ProtectedPrefix, row.Value));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(platform.DbPath)!, "valuepool-keys"), "*.xml"));
    }

    [Fact]
    public async Task AWebhookSubscriptionsSecret_IsStoredEncrypted()
    {
        await using var platform = new Platform();
        await (await platform.AdminAsync()).PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        using var connection = new ServerDatabase(platform.DbPath).Open();
        var stored = connection.QuerySingle<string>("SELECT secret FROM webhook_subscription");
        Assert.DoesNotContain("0123456789abcdef", stored);
        Assert.Equal("0123456789abcdef", platform.Service<Webhooks.WebhookSecrets>().Reveal(stored));
    }

    [Fact]
    public async Task APlainSecretFromBefore_IsEncryptedInPlace_AndKeepsSigning()
    {
        await using var platform = new Platform();
        var key = new byte[32];
        Random.Shared.NextBytes(key);
        using (var connection = new ServerDatabase(platform.DbPath).Open())
            connection.Execute("INSERT INTO server_setting (name, value) VALUES ('jwt.signing_key', @value)", new { value = Convert.ToBase64String(key) });

        var admin = await platform.AdminAsync();

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(admin.Http.DefaultRequestHeaders.Authorization!.Parameter,
            new TokenValidationParameters { ValidIssuer = "valuepool", ValidAudience = "valuepool", IssuerSigningKey = new SymmetricSecurityKey(key) });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.StartsWith(ServerSettings.ProtectedPrefix, Rows(platform).Single(row => row.Name == "jwt.signing_key").Value);
    }

    private static List<(string Name, string Value)> Rows(Platform platform)
    {
        using var connection = platform.Service<ServerDatabase>().Open();
        return connection.Query<(string, string)>("SELECT name, value FROM server_setting").ToList();
    }
}
