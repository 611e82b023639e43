using System.Security.Cryptography;

namespace ValuePool.Server.Payments;

/// <summary>
/// A provider's key as configured: the PEM text itself (from a secret or an environment variable) or the path of a PEM file.
/// Never from the repository or a table (docs/PAYMENTS.md). A key that does not load stops the server at start, saying which setting.
/// </summary>
public static class ProviderKeys
{
    public static RSA Rsa(string? configured, string setting)
    {
        if (string.IsNullOrWhiteSpace(configured)) throw new InvalidOperationException($"{setting} is not set");
        var pem = configured.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? configured
            : File.Exists(configured) ? File.ReadAllText(configured)
            : throw new InvalidOperationException($"{setting} is neither a PEM key nor the path of a file that exists");
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException e) { throw new InvalidOperationException($"{setting} holds no RSA key in PEM: {e.Message}", e); }
        return rsa;
    }
}
