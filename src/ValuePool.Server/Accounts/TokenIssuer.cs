using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Signs the bearer tokens (HMAC-SHA256). The key comes from configuration, else it is generated
/// on first start and kept in the database, so there is never a built-in secret.
/// </summary>
public sealed class TokenIssuer
{
    public const string Issuer = "valuepool";
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public TokenIssuer(IOptions<ServerOptions> options, ServerSettings settings)
    {
        var configured = options.Value.Jwt.SigningKey;
        var key = Convert.FromBase64String(string.IsNullOrEmpty(configured) ? settings.SecretOrGenerate("jwt.signing_key") : configured);
        if (key.Length < 32) throw new InvalidOperationException("ValuePool:Jwt:SigningKey must be at least 32 bytes (base64)");
        SigningKey = new SymmetricSecurityKey(key);
        // The bearer handler checks lifetimes against the wall clock, so tokens use it too, not the injected (testable) clock.
        _time = TimeProvider.System;
        _lifetime = TimeSpan.FromMinutes(options.Value.Jwt.LifetimeMinutes);
    }

    public SymmetricSecurityKey SigningKey { get; }

    public string Issue(UserAccount user)
    {
        var claims = new List<Claim> { new(Caller.IdClaim, user.Id), new("phone", user.Phone), new(SecurityStamps.Claim, user.SecurityStamp) };
        claims.AddRange(user.RoleList.Select(role => new Claim(Caller.RoleClaim, role)));
        var now = _time.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(Issuer, Issuer, claims, now, now + _lifetime, new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = SigningKey,
        NameClaimType = Caller.IdClaim,
        RoleClaimType = Caller.RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
