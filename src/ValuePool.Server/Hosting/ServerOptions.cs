namespace ValuePool.Server.Hosting;

/// <summary>The <c>ValuePool</c> configuration section (docs/CONFIGURATION.md, "Server").</summary>
public sealed class ServerOptions
{
    public const string Section = "ValuePool";

    /// <summary>A SQLite file path or a postgres:// URI; the journal and the server's tables live there together.</summary>
    public string Db { get; set; } = "valuepool.db";

    /// <summary>
    /// Base of the share links and QR codes (what a phone scanning the code opens). Unset: the address the server
    /// listens on (the request's host when that is a wildcard such as 0.0.0.0).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public JwtOptions Jwt { get; set; } = new();
    public FirstAdminOptions Admin { get; set; } = new();
    public PaymentOptions Payments { get; set; } = new();
    public PromoterOptions Promoters { get; set; } = new();

    /// <summary>Login attempts allowed per client address and minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed logins allowed per phone number in 15 minutes (<see cref="Accounts.FailedLogins"/>).</summary>
    public int LoginFailuresPerPhone { get; set; } = 10;

    /// <summary>Shipped products complete this many days after payment (the after-sales window, MODEL.md §7).</summary>
    public int AfterSalesDays { get; set; } = 7;

    /// <summary>Larger request bodies are refused with 413 before they are read.</summary>
    public long RequestBodyBytesMax { get; set; } = 64 * 1024;

    /// <summary>How often due orders, settlements and webhook retries are looked for; 0 = never by itself (tests drive it).</summary>
    public int DueCheckSeconds { get; set; } = 30;

    /// <summary>PBKDF2 iterations of the password hasher (ASP.NET Core's default unless set).</summary>
    public int? PasswordHashIterations { get; set; }
}

public sealed class JwtOptions
{
    /// <summary>HMAC-SHA256 key (≥ 32 bytes, base64). Absent: one is generated and kept in the database.</summary>
    public string? SigningKey { get; set; }
    public int LifetimeMinutes { get; set; } = 12 * 60;
}

public sealed class FirstAdminOptions
{
    public string? Phone { get; set; }
    public string? Password { get; set; }
}

public sealed class PaymentOptions
{
    /// <summary>HMAC-SHA256 secret of the simulated provider's callbacks. Absent: generated and kept in the database.</summary>
    public string? SimulatedSecret { get; set; }
}

public enum PromoterQualification
{
    /// <summary>Every member may promote.</summary>
    Everyone,
    /// <summary>Only members an admin gave the promoter role.</summary>
    Appointed,
    /// <summary>Members whose first completed order reached <see cref="PromoterOptions.FirstOrderMinimum"/>.</summary>
    FirstOrder,
}

public sealed class PromoterOptions
{
    public PromoterQualification Qualification { get; set; } = PromoterQualification.Everyone;
    /// <summary>Decimal string, yuan.</summary>
    public string FirstOrderMinimum { get; set; } = "100.00";
}
