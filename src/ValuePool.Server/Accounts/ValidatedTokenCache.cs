using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Validates a bearer token through <paramref name="inner"/> once and answers its repeats from memory until the
/// token's expiry: the same string cannot carry another signature or other claims, and a client sends the same token
/// with every request, so checking its HMAC and parsing its JSON each time was ≈ 5 % of the server's CPU under load.
/// Only valid tokens are kept, never past their expiry (without the clock skew <paramref name="inner"/> allows, so the
/// cache is never more lenient); each answer carries its own copy of the identity. Bounded: it forgets everything once
/// it holds <see cref="EntriesMax"/> tokens. <paramref name="time"/> must be the clock tokens are issued by. It answers for the
/// signature only: whether the token was signed out since is checked on every request after it (<see cref="SecurityStamps"/>).
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider time) : TokenHandler
{
    public const int EntriesMax = 100_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out var known))
        {
            if (time.GetUtcNow().UtcDateTime < known.SecurityToken.ValidTo)
                return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.ClaimsIdentity.Clone(), SecurityToken = known.SecurityToken };
            _valid.TryRemove(token, out _);
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid) return result;
        if (_valid.Count >= EntriesMax) _valid.Clear();
        _valid[token] = result;
        return new TokenValidationResult { IsValid = true, ClaimsIdentity = result.ClaimsIdentity.Clone(), SecurityToken = result.SecurityToken };
    }
}
