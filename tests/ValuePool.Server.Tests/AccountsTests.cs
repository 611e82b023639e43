using System.Net;
using System.Net.Http.Json;

namespace ValuePool.Server.Tests;

public sealed class AccountsTests
{
    [Fact]
    public async Task Register_GivesAMemberToken_ThatOpensTheAccount()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        var me = await member.GetAsync("/api/accounts/me");
        Assert.Equal(member.Id, me.Text("userId"));
        Assert.Equal(["member"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Register_RefusesATakenPhone_AndBadFieldsOneByOne()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        var client = platform.Anonymous();
        await (await client.PostAsJsonAsync("/api/accounts/register", new { phone = member.Phone, password = "password-1" }))
            .AssertProblem(HttpStatusCode.Conflict, "PhoneTaken");
        await (await client.PostAsJsonAsync("/api/accounts/register", new { phone = "12ab", password = "password-1" })).AssertFieldError("phone");
        await (await client.PostAsJsonAsync("/api/accounts/register", new { phone = "13912345678", password = "short" })).AssertFieldError("password");
        await (await client.PostAsJsonAsync("/api/accounts/register", new { phone = "13912345678", password = "password-1", @ref = "nope" })).AssertFieldError("ref");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_Is401_AndTheConfiguredAdminCanLogIn()
    {
        await using var platform = new Platform();
        var client = platform.Anonymous();
        await (await client.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = "wrong-password" }))
            .AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");
        var admin = await platform.AdminAsync();
        Assert.Contains("admin", (await admin.GetAsync("/api/accounts/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Login_IsRateLimited()
    {
        await using var platform = new Platform(new() { ["ValuePool:LoginAttemptsPerMinute"] = "3" });
        var client = platform.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/accounts/login", new { phone = "13900000000", password = "guess-number" })).StatusCode);
        await (await client.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword }))
            .AssertProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task FailedLogins_HoldBackTheClientThatFailed_EvenWithTheRightPassword()
    {
        await using var platform = new Platform(new() { ["ValuePool:LoginFailuresPerPhoneAndClient"] = "2", ["ValuePool:LoginAttemptsPerMinute"] = "100" });
        var client = platform.Anonymous();
        for (var i = 0; i < 2; i++)
            await (await client.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = "guess-number" }))
                .AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");
        await (await client.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword }))
            .AssertProblem(HttpStatusCode.TooManyRequests, "TooManyFailedLogins");

        var member = await platform.RegisterAsync(); // another number is not held back, and successes never count
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/accounts/login", new { phone = member.Phone, password = Platform.MemberPassword })).StatusCode);
    }

    [Fact]
    public async Task TenWrongPasswordsFromOneClient_NeverLockTheOwnerOut_FromAnother()
    {
        await using var platform = new Platform(new() { ["ValuePool:LoginAttemptsPerMinute"] = "100" });
        var attacker = platform.From("203.0.113.7");
        for (var i = 0; i < 10; i++)
            await (await attacker.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = $"guess-{i}-number" }))
                .AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");

        Assert.Equal(HttpStatusCode.OK, (await platform.From("198.51.100.1").PostAsJsonAsync("/api/accounts/login",
            new { phone = Platform.AdminPhone, password = Platform.AdminPassword })).StatusCode);
        var refused = await attacker.PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword });
        await refused.AssertProblem(HttpStatusCode.TooManyRequests, "TooManyFailedLogins");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [Fact]
    public async Task GuessingFromManyClients_RefusesThoseThatFailed_AndOnlySlowsTheOthers()
    {
        await using var platform = new Platform(new() { ["ValuePool:LoginFailuresPerPhone"] = "3", ["ValuePool:LoginAttemptsPerMinute"] = "100" });
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            await (await platform.From(address).PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = "guess-number" }))
                .AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");

        await (await platform.From("203.0.113.1").PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword }))
            .AssertProblem(HttpStatusCode.TooManyRequests, "TooManyFailedLogins");
        var owner = platform.From("198.51.100.1").PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword });
        await Task.Delay(200);
        Assert.False(owner.IsCompleted, "the owner's login waits out the pause");
        while (!owner.IsCompleted)
        {
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        Assert.Equal(HttpStatusCode.OK, (await owner).StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_ProtectedEndpointsAnswer401_AndAForgedTokenToo()
    {
        await using var platform = new Platform();
        var client = platform.Anonymous();
        await (await client.GetAsync("/api/wallet")).AssertProblem(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1X2FkbWluIiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl");
        await (await client.GetAsync("/api/admin/pool")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithoutConfiguredAdmin_NoAdminExists()
    {
        await using var platform = new Platform(new() { ["ValuePool:Admin:Phone"] = null, ["ValuePool:Admin:Password"] = null });
        var response = await platform.Anonymous().PostAsJsonAsync("/api/accounts/login", new { phone = Platform.AdminPhone, password = Platform.AdminPassword });
        await response.AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");
    }
}
