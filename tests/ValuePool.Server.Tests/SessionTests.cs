using System.Net;
using System.Net.Http.Json;

namespace ValuePool.Server.Tests;

/// <summary>Security stamps: what ends a user's tokens at once, however often they were used before.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task RevokingARole_EndsTheUsersTokensAtOnce_EvenOnesJustUsed()
    {
        await using var platform = new Platform();
        var finance = await platform.UserWithRoleAsync("finance");
        await finance.GetAsync("/api/withdrawals/pending"); // the token is now in the cache of valid signatures
        var admin = await platform.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/admin/users/{finance.Id}/roles/finance")).StatusCode);

        await (await finance.Http.GetAsync("/api/withdrawals/pending")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await finance.Http.GetAsync("/api/wallet")).AssertProblem(HttpStatusCode.Unauthorized);
        var again = await platform.LoginAsync(finance.Phone);
        await (await again.Http.GetAsync("/api/withdrawals/pending")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAdminsGrant_EndsTheUsersTokens_AndTheNextSignInCarriesTheRole()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        var admin = await platform.AdminAsync();
        (await admin.Http.PostAsJsonAsync($"/api/admin/users/{member.Id}/roles", new { role = "agent" })).EnsureSuccessStatusCode();

        await (await member.Http.GetAsync("/api/accounts/me")).AssertProblem(HttpStatusCode.Unauthorized);
        var again = await platform.LoginAsync(member.Phone);
        Assert.Contains("agent", (await again.GetAsync("/api/accounts/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/agents/regions")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePassword_NeedsTheOldOne_AndEndsEveryOtherSession()
    {
        await using var platform = new Platform();
        var phone = (await platform.RegisterAsync()).Phone;
        var here = await platform.LoginAsync(phone);
        var elsewhere = await platform.LoginAsync(phone);
        await elsewhere.GetAsync("/api/accounts/me");

        await (await here.SendAsync("/api/accounts/password", new { oldPassword = "not-the-password", newPassword = "new-password-2" })).AssertFieldError("oldPassword");
        await (await here.SendAsync("/api/accounts/password", new { newPassword = "new-password-2" })).AssertFieldError("oldPassword");
        await (await here.SendAsync("/api/accounts/password", new { oldPassword = Platform.MemberPassword, newPassword = "short" })).AssertFieldError("newPassword");
        await elsewhere.GetAsync("/api/accounts/me"); // refusals changed nothing
        var changed = await here.PostAsync("/api/accounts/password", new { oldPassword = Platform.MemberPassword, newPassword = "new-password-2" });

        await (await elsewhere.Http.GetAsync("/api/accounts/me")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await here.Http.GetAsync("/api/accounts/me")).AssertProblem(HttpStatusCode.Unauthorized);
        here.Http.DefaultRequestHeaders.Authorization = new("Bearer", changed.Text("token"));
        await here.GetAsync("/api/accounts/me");
        await (await platform.Anonymous().PostAsJsonAsync("/api/accounts/login", new { phone, password = Platform.MemberPassword }))
            .AssertProblem(HttpStatusCode.Unauthorized, "BadCredentials");
        await platform.LoginAsync(phone, "new-password-2");
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryTokenOfTheCaller_AndNoOneElses()
    {
        await using var platform = new Platform();
        var phone = (await platform.RegisterAsync()).Phone;
        var here = await platform.LoginAsync(phone);
        var elsewhere = await platform.LoginAsync(phone);
        var someoneElse = await platform.RegisterAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await here.SendAsync("/api/accounts/sign-out-everywhere", new { })).StatusCode);

        await (await here.Http.GetAsync("/api/wallet")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await elsewhere.Http.GetAsync("/api/wallet")).AssertProblem(HttpStatusCode.Unauthorized);
        await someoneElse.GetAsync("/api/wallet");
        await (await platform.LoginAsync(phone)).GetAsync("/api/wallet");
    }

    [Fact]
    public async Task ARoleThatFollowsTheUsersOwnAction_KeepsTheirSession_AndARefreshedTokenCarriesIt()
    {
        await using var platform = new Platform();
        var (merchant, _, _) = await platform.OpenStoreAsync(); // approval gives the merchant role
        var me = await merchant.GetAsync("/api/accounts/me");
        Assert.Contains("merchant", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var refreshed = await merchant.PostAsync("/api/accounts/token", new { });
        Assert.Contains("merchant", refreshed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
