using ValuePool.Server.Hosting;

namespace ValuePool.LoadTest;

/// <summary>The real server, started in this process on a free loopback port with its own SQLite file.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    public const string AdminPhone = "10000000000";
    public const string AdminPassword = "load-test-admin";
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<InProcessServer> StartAsync(string db)
    {
        var args = new[]
        {
            $"--ValuePool:Db={db}", $"--ValuePool:Admin:Phone={AdminPhone}", $"--ValuePool:Admin:Password={AdminPassword}",
            "--ValuePool:LoginAttemptsPerMinute=100000",
            // One machine drives every client: no limit per address; the per-user one stays on, far above ~300 orders/s a client.
            "--ValuePool:RateLimits:RegistrationsPerClientPerHour=0", "--ValuePool:RateLimits:MoneyRequestsPerClientPerMinute=0",
            "--ValuePool:RateLimits:MoneyRequestsPerUserPerMinute=10000000", "--ValuePool:PasswordHashIterations=1000", "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            // The simulated provider collects nothing, so it may not run in Production, the default environment.
            "--ValuePool:Payments:Provider=simulated", "--environment=LoadTest",
        };
        var builder = WebApplication.CreateBuilder(args);
        builder.AddValuePool(args);
        var app = builder.Build();
        app.UseValuePool();
        await app.StartAsync();
        return new InProcessServer(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
