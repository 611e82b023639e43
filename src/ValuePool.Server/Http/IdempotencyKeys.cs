namespace ValuePool.Server.Http;

/// <summary>
/// A client may send <c>Idempotency-Key</c> so a retried request changes nothing; the key is scoped to
/// the caller, so two users' keys never meet. Without one, each request is new.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private const int LengthMax = 100;

    public static bool TryScoped(HttpRequest request, string operation, string caller, out string key, FieldErrors errors)
    {
        var client = request.Headers[Header].ToString();
        if (client.Length > LengthMax) errors.Add(Header, FieldErrors.AtMostCharacters(LengthMax));
        key = client.Length == 0 ? $"{operation}:{caller}:{Guid.NewGuid():N}" : $"{operation}:{caller}:{client}";
        return client.Length is > 0 and <= LengthMax;
    }
}
