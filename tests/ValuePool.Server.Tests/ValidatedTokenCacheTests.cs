using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ValuePool.Server.Accounts;

namespace ValuePool.Server.Tests;

public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);
    private static readonly TokenValidationParameters Parameters = new() { ValidIssuer = "valuepool", ValidAudience = "valuepool", IssuerSigningKey = Key };

    [Fact]
    public async Task AValidToken_IsCheckedOnce_UntilItExpires_AndEachAnswerHasItsOwnIdentity()
    {
        var inner = new CountingHandler();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(inner, clock);
        var token = Issue(DateTime.UtcNow.AddMinutes(10));

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);
        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, inner.Calls);
        Assert.Equal("u1", second.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);

        clock.Advance(TimeSpan.FromMinutes(11)); // past the token's expiry: the cache no longer answers for it
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task AnInvalidToken_IsNeverRemembered()
    {
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner, TimeProvider.System);
        var forged = Issue(DateTime.UtcNow.AddMinutes(10), new SymmetricSecurityKey(Enumerable.Repeat((byte)7, 32).ToArray()));

        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.Equal(2, inner.Calls);
    }

    private static string Issue(DateTime expires, SymmetricSecurityKey? signedWith = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "valuepool", Audience = "valuepool", Subject = new ClaimsIdentity([new Claim("sub", "u1")]), Expires = expires,
        NotBefore = DateTime.UtcNow.AddMinutes(-1), SigningCredentials = new SigningCredentials(signedWith ?? Key, SecurityAlgorithms.HmacSha256),
    });

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new();

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}
