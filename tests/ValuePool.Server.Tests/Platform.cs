using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ValuePool.Server.Tests;

/// <summary>
/// One running platform on its own temporary SQLite file, with a fake clock, driven over HTTP.
/// Each test makes its own, so no test sees another's data.
/// </summary>
public sealed class Platform : WebApplicationFactory<Program>
{
    public const string AdminPhone = "10000000000";
    public const string AdminPassword = "admin-password";
    public const string MemberPassword = "password-1";
    private readonly string _directory = Directory.CreateTempSubdirectory("valuepool-server-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private int _phones;

    public Platform(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ValuePool:Db"] = DbPath,
            ["ValuePool:Admin:Phone"] = AdminPhone,
            ["ValuePool:Admin:Password"] = AdminPassword,
            ["ValuePool:PasswordHashIterations"] = "1000",
            ["ValuePool:DueCheckSeconds"] = "0",
            // Every test's requests come from one address, and some make many: the limits are off unless a test sets them.
            ["ValuePool:RateLimits:RegistrationsPerClientPerHour"] = "0",
            ["ValuePool:RateLimits:MoneyRequestsPerClientPerMinute"] = "0",
            ["ValuePool:RateLimits:MoneyRequestsPerUserPerMinute"] = "0",
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        _services = services;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DbPath => Path.Combine(_directory, "valuepool.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            _services?.Invoke(services);
        });
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client calling from <paramref name="address"/> (the limits per client tell clients apart by address).</summary>
    public HttpClient From(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    public async Task<User> RegisterAsync(string? referralCode = null)
    {
        var phone = $"139{Interlocked.Increment(ref _phones):D8}";
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts/register", new { phone, password = MemberPassword, @ref = referralCode });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Authorize(client, body, phone);
    }

    public Task<User> AdminAsync() => LoginAsync(AdminPhone, AdminPassword);

    /// <summary>A new session (client and token) of an existing account.</summary>
    public async Task<User> LoginAsync(string phone, string password = MemberPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts/login", new { phone, password });
        response.EnsureSuccessStatusCode();
        return Authorize(client, await response.Content.ReadFromJsonAsync<JsonElement>(), phone);
    }

    /// <summary>
    /// A new user holding <paramref name="role"/> (granted by the admin), signed in again: an admin's grant ends the
    /// user's earlier tokens (SecurityStamps).
    /// </summary>
    public async Task<User> UserWithRoleAsync(string role)
    {
        var user = await RegisterAsync();
        var admin = await AdminAsync();
        (await admin.Http.PostAsJsonAsync($"/api/admin/users/{user.Id}/roles", new { role })).EnsureSuccessStatusCode();
        return await LoginAsync(user.Phone);
    }

    /// <summary>A store registered by a new merchant and approved by the admin.</summary>
    public async Task<(User Merchant, string StoreId, string ShareCode)> OpenStoreAsync(string district = "Nanshan", object? terms = null)
    {
        var merchant = await RegisterAsync();
        var created = await merchant.PostAsync("/api/stores", new { name = "Tea House", region = new { province = "Guangdong", city = "Shenzhen", district }, terms });
        var storeId = created.GetProperty("id").GetString()!;
        var admin = await AdminAsync();
        var approved = await admin.PostAsync($"/api/stores/{storeId}/approve", new { });
        return (merchant, storeId, approved.GetProperty("shareCode").GetString()!);
    }

    /// <summary>An admin tops up the store's prepaid deposit through the provider; its till sales' commission is taken from it (MODEL.md §8).</summary>
    public async Task TopUpDepositAsync(string storeId, decimal yuan)
    {
        var admin = await AdminAsync();
        var amount = yuan.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        await admin.PostAsync($"/api/stores/{storeId}/deposit/top-ups", new { amount });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) TryDelete();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDelete();
    }

    private void TryDelete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still open on some platform: the temp directory is cleaned by the OS */ }
    }

    private static User Authorize(HttpClient client, JsonElement body, string phone)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return new User(body.GetProperty("userId").GetString()!, phone, client);
    }
}
