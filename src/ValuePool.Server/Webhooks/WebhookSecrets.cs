using Microsoft.AspNetCore.DataProtection;

namespace ValuePool.Server.Webhooks;

/// <summary>
/// A subscription's signing secret is kept encrypted with ASP.NET Core Data Protection, like the server's own secrets
/// (<see cref="Data.ServerSettings"/>): a copy of the database alone cannot forge the platform's webhook signatures.
/// A row from before encryption (no prefix) is still read as it is.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string ProtectedPrefix = "protected:";
    private readonly IDataProtector _protector = protection.CreateProtector("ValuePool.Webhooks.SubscriptionSecret");

    public string Protect(string secret) => ProtectedPrefix + _protector.Protect(secret);

    public string Reveal(string stored) =>
        stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[ProtectedPrefix.Length..]) : stored;
}
