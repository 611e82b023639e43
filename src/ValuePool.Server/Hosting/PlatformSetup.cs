using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using ValuePool.Server.Accounts;
using ValuePool.Server.Admin;
using ValuePool.Server.Agents;
using ValuePool.Server.Cards;
using ValuePool.Server.Checkout;
using ValuePool.Server.Compliance;
using ValuePool.Server.Data;
using ValuePool.Server.Deposits;
using ValuePool.Server.Health;
using ValuePool.Server.Http;
using ValuePool.Server.Holdings;
using ValuePool.Server.Ledger;
using ValuePool.Server.Links;
using ValuePool.Server.Orders;
using ValuePool.Server.Partners;
using ValuePool.Server.Payments;
using ValuePool.Server.Payments.Reconciliation;
using ValuePool.Server.Products;
using ValuePool.Server.Settlements;
using ValuePool.Server.Shareholders;
using ValuePool.Server.Shopping;
using ValuePool.Server.Statements;
using ValuePool.Server.Stores;
using ValuePool.Server.Wallet;
using ValuePool.Server.Webhooks;
using ValuePool.Server.Withdrawals;

namespace ValuePool.Server.Hosting;

/// <summary>Everything Program.cs wires: services, middleware and every feature's endpoints.</summary>
public static class PlatformSetup
{
    public static void AddValuePool(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--db"] = $"{ServerOptions.Section}:Db" });
        var services = builder.Services;
        services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new ServerDatabase(options.Db));
        services.AddSingleton<ServerWriter>();
        services.AddSingleton<AlongsideStatements>();
        services.AddDataProtection().SetApplicationName("ValuePool").PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory()));
        services.AddSingleton<ServerSettings>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<RewardFeed>();
        services.AddSingleton<JournalEntries>();
        services.AddSingleton<RewardHistory>();
        services.AddSingleton<MemberOrderIndex>();
        services.AddSingleton<DepositFeed>();
        services.AddSingleton<DepositHistory>();
        services.AddSingleton<OfflineStatementFeed>();
        services.AddSingleton<OfflineStatements>();
        services.AddSingleton<LeadershipGate>();
        services.AddSingleton(sp => new LedgerGateway(options.Db, options.AdvertisedUrl, sp.GetRequiredService<ServerDatabase>(),
            [sp.GetRequiredService<MemberOrderIndex>(), sp.GetRequiredService<RewardFeed>(), sp.GetRequiredService<DepositFeed>(),
                sp.GetRequiredService<OfflineStatementFeed>()],
            sp.GetRequiredService<LeadershipGate>(), sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<LedgerGateway>>()));
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        if (options.PasswordHashIterations is { } iterations) services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<FailedLogins>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ShareLinks>();
        services.AddSingleton<StoreDirectory>();
        services.AddSingleton<Audit.OperatorLog>();
        services.AddSingleton<Withdrawals.ReviewQueueDetails>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<ProductRateBook>();
        services.AddSingleton<CardCatalog>();
        services.AddSingleton<CheckoutLog>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OrderCompletion>();
        services.AddSingleton<ImmediatePayment>();
        services.AddSingleton<PaidPurchase>();
        // The configured provider (Payments:Provider); PaymentProviderValidation refuses to start where it may not run.
        services.AddPaymentProviders();
        services.AddSingleton<PaymentIntents>();
        services.AddSingleton<OrderPayment>();
        services.AddSingleton<OrderRefunds>();
        services.AddSingleton<Payouts>();
        services.AddSingleton<Payments.Reconciliation.DailyReconciliation>();
        services.AddSingleton<PaymentDueWork>();
        services.AddSingleton<PlatformPayments>();
        services.AddSingleton<PlatformGrantRows>();
        services.AddSingleton<PlatformPaymentRefunds>();
        services.AddSingleton<PlatformPaymentNotices>();
        services.AddSingleton<SettlementRunner>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<DueWork>();
        // Hosted services stop in reverse order: the ledger after the due work that submits commands to it.
        services.AddHostedService(sp => sp.GetRequiredService<LedgerGateway>());
        services.AddHostedService(sp => sp.GetRequiredService<DueWork>());
        services.AddHostedService(sp => sp.GetRequiredService<PaymentDueWork>());
        services.AddHttpClient(nameof(WebhookDispatcher), client => client.Timeout = TimeSpan.FromSeconds(10));
        // Writes a follower forwards: as long as a client would wait for the leader itself; no retries (the client's, with its key).
        services.AddHttpClient(LeaderForwarding.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        AddAuth(services, options);
        // Every problem in the request's language (Accept-Language: Chinese unless English is preferred), the framework's too.
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemTexts.Customize);
        services.AddExceptionHandler<NodeStoppedHandler>();
        // A body that does not bind (an amount sent as a JSON number, broken JSON) is the client's 400, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(json =>
        {
            // {"amount":"1.00","amount":"9999.00"} is refused, not read as its last key: a proxy or a log that reads the
            // first would see another request than the one applied.
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, HotPathJson.Default);
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<LedgerHealthCheck>("ledger");
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(ServerMetrics.MeterName)
            .AddPrometheusExporter());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.RequestBodyBytesMax);
    }

    public static void UseValuePool(this WebApplication app)
    {
        // A configuration the platform may not run with (no payment provider) is refused before anything starts.
        _ = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        // A provider's key that does not load stops the start here, naming its setting.
        app.Services.GetRequiredService<IPaymentProvider>();
        // Start the ledger (recovery) and the first admin before the first request can arrive.
        app.Services.GetRequiredService<LedgerGateway>();
        FirstAdmin.EnsureAsync(app.Services).GetAwaiter().GetResult();

        app.UseProblemLanguage();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The web console (web/, built by Vite into wwwroot: zh-CN first, English second) is static: it only calls the API.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Vite's assets carry a content hash in their names; index.html names them, so it is revalidated on every load.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.UseMiddleware<RequestBodyLimit>();
        // Before authentication and the rate limits: a follower forwards writes untouched, and the leader judges them.
        app.UseMiddleware<LeaderForwarding>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        MapMetrics(app, app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MetricsPort);
        app.MapAccountsApi();
        app.MapStoresApi();
        app.MapStorePayoutsApi();
        app.MapProductsApi();
        app.MapOrdersApi();
        app.MapPaymentsApi();
        app.MapReconciliationApi();
        app.MapPlatformPaymentsApi();
        app.MapWalletApi();
        app.MapRewardsApi();
        app.MapStakesApi();
        app.MapWithdrawalsApi();
        app.MapAgentsApi();
        app.MapRegionOrdersApi();
        app.MapAdminApi();
        app.MapLinksApi();
        app.MapWebhooksApi();
        app.MapShoppingPointsApi();
        app.MapPartnersApi();
        app.MapShareholdersApi();
        app.MapDepositsApi();
        app.MapCardsApi();
        app.MapCheckoutApi();
        app.MapComplianceApi();
        app.MapHoldingsApi();
        app.MapHoldingsPageApi();
        app.MapStatementsApi();
        foreach (var page in ConsolePages) app.MapMethods(page, [HttpMethods.Get, HttpMethods.Head], ConsolePage);
    }

    /// <summary>
    /// The console is a single-page app: its own paths (<c>/pay/{code}</c> a store's QR code opens, <c>/join/{code}</c>,
    /// <c>/m/wallet</c>, …) all load index.html. Only those: every other path keeps its own answer (the API's 404 and 405,
    /// the metrics port).
    /// </summary>
    private static readonly string[] ConsolePages = ["/login", "/pay/{code}", "/join/{code}", "/m/{**page}", "/office/{**page}"];

    private static async Task ConsolePage(HttpContext context)
    {
        var index = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(index);
    }

    /// <summary>
    /// The metrics name stores, orders and load: behind the admin role, or without a token on a port of their own that only
    /// the scraper reaches (<see cref="ServerOptions.MetricsPort"/>, which must also be among the server's addresses).
    /// </summary>
    private static void MapMetrics(WebApplication app, int? port)
    {
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (port is { } only) metrics.RequireHost($"*:{only}");
        else metrics.RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
    }

    private static void AddAuth(IServiceCollection services, ServerOptions options)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer, SecurityStamps>((jwt, tokens, stamps) =>
        {
            jwt.MapInboundClaims = false;
            // After the signature (and the cache of valid signatures): a token whose stamp is no longer the user's is refused.
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var principal = context.Principal!;
                    if (!await stamps.IsCurrentAsync(principal.Id(), principal.FindFirst(SecurityStamps.Claim)?.Value ?? ""))
                        context.Fail("this token was signed out: sign in again");
                },
            };
            jwt.TokenValidationParameters = tokens.ValidationParameters();
            // The wall clock, as the issuer's (see TokenIssuer).
            for (var i = 0; i < jwt.TokenHandlers.Count; i++) jwt.TokenHandlers[i] = new ValidatedTokenCache(jwt.TokenHandlers[i], TimeProvider.System);
        });
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = RequestRateLimits.Create(options.RateLimits);
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                return new ValueTask(ApiProblem.TooManyRequests(rejected.HttpContext.Response, "TooManyRequests",
                    new("请求过于频繁，请稍后再试", "too many requests from this client or user: try again later"), retryAfter).ExecuteAsync(rejected.HttpContext));
            };
            limiter.AddPolicy(AccountsApi.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
