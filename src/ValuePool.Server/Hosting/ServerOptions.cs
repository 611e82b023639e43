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

    /// <summary>
    /// Where the Data Protection keys that encrypt the generated secrets are kept (<see cref="Data.ServerSettings"/>). Absent:
    /// <c>valuepool-keys</c> beside a SQLite file, or in the working directory for PostgreSQL. Back it up with the database;
    /// servers sharing a database share it.
    /// </summary>
    public string? DataProtectionKeysDirectory { get; set; }

    /// <summary>The directory <see cref="DataProtectionKeysDirectory"/> names, or its default for <see cref="Db"/>.</summary>
    public string KeysDirectory() => DataProtectionKeysDirectory is { Length: > 0 } configured
        ? configured
        : Path.Combine(ValuePool.Storage.StoreLocation.IsPostgres(Db) ? "." : Path.GetDirectoryName(Path.GetFullPath(Db))!, "valuepool-keys");

    /// <summary>
    /// Where the other nodes reach this one (PostgreSQL, several nodes): written to the database when this node leads, and
    /// where followers forward the writes they receive, e.g. <c>http://10.0.0.11:5080</c>. A node without one can lead, but
    /// followers then answer writes 503 while it does.
    /// </summary>
    public string? AdvertisedUrl { get; set; }

    public JwtOptions Jwt { get; set; } = new();
    public FirstAdminOptions Admin { get; set; } = new();
    public PaymentOptions Payments { get; set; } = new();
    public PromoterOptions Promoters { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Login attempts allowed per client address and minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed logins allowed per phone number and client address in 15 minutes; then that client is refused (<see cref="Accounts.FailedLogins"/>).</summary>
    public int LoginFailuresPerPhoneAndClient { get; set; } = 10;

    /// <summary>
    /// Failed logins per phone number from all clients in 15 minutes; past it, clients that failed on the number are refused
    /// and the others slowed, never refused (<see cref="Accounts.FailedLogins"/>).
    /// </summary>
    public int LoginFailuresPerPhone { get; set; } = 100;

    /// <summary>Shipped products complete this many days after payment (the after-sales window, MODEL.md §7).</summary>
    public int AfterSalesDays { get; set; } = 7;

    /// <summary>Larger request bodies are refused with 413 before they are read.</summary>
    public long RequestBodyBytesMax { get; set; } = 64 * 1024;

    /// <summary>How often due orders, settlements and webhook retries are looked for; 0 = never by itself (tests drive it).</summary>
    public int DueCheckSeconds { get; set; } = 30;

    /// <summary>
    /// Absent: <c>/metrics</c> needs an admin's token. Set: <c>/metrics</c> answers only on this port, without a token; add the
    /// port to the server's addresses (<c>--urls "http://0.0.0.0:5080;http://127.0.0.1:9464"</c>) and keep it off the internet.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>PBKDF2 iterations of the password hasher (ASP.NET Core's default unless set).</summary>
    public int? PasswordHashIterations { get; set; }
}

public sealed class JwtOptions
{
    /// <summary>HMAC-SHA256 key (≥ 32 bytes, base64). Absent: one is generated and kept in the database.</summary>
    public string? SigningKey { get; set; }
    public int LifetimeMinutes { get; set; } = 12 * 60;
}

/// <summary>
/// Requests allowed per client address and per user (<see cref="RequestRateLimits"/>); beyond them, 429 with Retry-After.
/// 0 turns a limit off. Many members may share one address (a carrier's NAT, a shop's Wi-Fi), so the per-client limits
/// are wide, and the per-user one is far above what a person paying and selling by hand can reach.
/// </summary>
public sealed class RateLimitOptions
{
    public int RegistrationsPerClientPerHour { get; set; } = 30;
    public int MoneyRequestsPerClientPerMinute { get; set; } = 1200;
    public int MoneyRequestsPerUserPerMinute { get; set; } = 300;
}

public sealed class FirstAdminOptions
{
    public string? Phone { get; set; }
    public string? Password { get; set; }
}

public sealed class PaymentOptions
{
    /// <summary>
    /// The payment provider that collects the money (<see cref="Payments.PaymentProviderValidation"/>): required, since a
    /// platform that takes payments must say who collects them: <c>wechatpay</c>, <c>alipay</c>, or <c>simulated</c>, which collects
    /// nothing and is refused in Production.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>HMAC-SHA256 secret of the simulated provider's callbacks. Absent: generated and kept in the database.</summary>
    public string? SimulatedSecret { get; set; }

    /// <summary>The hour (China Standard Time) after which yesterday's bill is fetched and reconciled; WeChat Pay's is out from 10:00.</summary>
    public int ReconcileAfterHour { get; set; } = 10;

    public Payments.WeChatPay.WeChatPayOptions WeChatPay { get; set; } = new();
    public Payments.Alipay.AlipayOptions Alipay { get; set; } = new();
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
