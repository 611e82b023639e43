using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Http;
using ValuePool.Server.Links;

namespace ValuePool.Server.Accounts;

public sealed record RegisterRequest(string? Phone, string? Password, string? Ref);
public sealed record LoginRequest(string? Phone, string? Password);
public sealed record TokenResponse(string UserId, string Token, IReadOnlyList<string> Roles);
public sealed record PasswordChangeRequest(string? OldPassword, string? NewPassword);
public sealed record MeResponse(string UserId, string Phone, IReadOnlyList<string> Roles);

/// <summary>
/// Registration, login (rate limited per address, failures limited per phone number and client), token refresh, password change and
/// "sign out everywhere". Every new account is a member.
/// </summary>
public static class AccountsApi
{
    public const string LoginRateLimit = "login";
    private const int PasswordLengthMin = 8;
    private const int PasswordLengthMax = 128;

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/accounts").WithTags("Accounts");
        api.MapPost("/register", Register).AllowAnonymous();
        api.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        api.MapGet("/me", Me).RequireAuthorization();
        api.MapPost("/token", Refresh).RequireAuthorization();
        api.MapPost("/password", ChangePassword).RequireAuthorization();
        api.MapPost("/sign-out-everywhere", SignOutEverywhere).RequireAuthorization();
        return api;
    }

    /// <summary>A new member; <c>ref</c> is the share code of the link or QR code that brought them (MODEL.md §3).</summary>
    public static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, UserStore users, TokenIssuer tokens, ShareLinks links)
    {
        var errors = new FieldErrors();
        var phone = errors.Phone("phone", request.Phone);
        NewPassword(errors, "password", request.Password);
        var referral = request.Ref is null ? null : await links.FindAsync(request.Ref);
        if (request.Ref is not null && referral is null) errors.Add("ref", Unknown.ShareLink);
        if (errors.Any) return errors.ToProblem();

        var user = await users.CreateAsync(phone, request.Password!, [Roles.Member]);
        if (user is null) return ApiProblem.Conflict("PhoneTaken", new("该手机号已注册", "an account with this phone number exists"));
        if (referral is not null) await links.BindMemberAsync(user.Id, referral);
        return TypedResults.Created($"/api/accounts/me", new TokenResponse(user.Id, tokens.Issue(user), user.RoleList));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(LoginRequest request, HttpContext http, UserStore users,
        TokenIssuer tokens, FailedLogins failures, TimeProvider time)
    {
        var errors = new FieldErrors();
        var phone = errors.Phone("phone", request.Phone);
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", FieldErrors.RequiredText);
        if (errors.Any) return errors.ToProblem();
        var client = ClientAddress.Of(http);
        var verdict = failures.Check(phone, client);
        if (verdict.IsRefused) return TooManyFailures(http, verdict);
        if (verdict.MustPause) await Task.Delay(FailedLogins.Pause, time);
        var user = await users.CheckPasswordAsync(phone, request.Password!);
        if (user is null)
        {
            failures.Failed(phone, client);
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "BadCredentials", new("手机号或密码错误", "the phone number or the password is wrong"));
        }
        return TypedResults.Ok(new TokenResponse(user.Id, tokens.Issue(user), user.RoleList));
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal caller, UserStore users) =>
        await users.FindAsync(caller.Id()) is { } user
            ? TypedResults.Ok(new MeResponse(user.Id, user.Phone, user.RoleList))
            : ApiProblem.NotFound(Unknown.Account);

    /// <summary>A fresh token carrying the roles granted since the last one.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(ClaimsPrincipal caller, UserStore users, TokenIssuer tokens) =>
        await users.FindAsync(caller.Id()) is { } user
            ? TypedResults.Ok(new TokenResponse(user.Id, tokens.Issue(user), user.RoleList))
            : ApiProblem.NotFound(Unknown.Account);

    /// <summary>
    /// A new password, the old one required (a stolen token alone cannot take the account over); every other session
    /// ends, and the answer carries the caller's new token.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePassword(PasswordChangeRequest request,
        HttpContext http, ClaimsPrincipal caller, UserStore users, TokenIssuer tokens, FailedLogins failures)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.OldPassword)) errors.Add("oldPassword", FieldErrors.RequiredText);
        NewPassword(errors, "newPassword", request.NewPassword);
        if (errors.Any) return errors.ToProblem();
        if (await users.FindAsync(caller.Id()) is not { } user) return ApiProblem.NotFound(Unknown.Account);
        // A wrong old password is a failed login: a stolen token is no way around the limit on guessing.
        var client = ClientAddress.Of(http);
        if (failures.Check(user.Phone, client) is { IsRefused: true } verdict) return TooManyFailures(http, verdict);
        if (!users.Matches(user, request.OldPassword!))
        {
            failures.Failed(user.Phone, client);
            errors.Add("oldPassword", new("原密码不正确", "not this account's password"));
            return errors.ToProblem();
        }
        return await users.ChangePasswordAsync(user, request.NewPassword!) is { } changed
            ? TypedResults.Ok(new TokenResponse(changed.Id, tokens.Issue(changed), changed.RoleList))
            : ApiProblem.NotFound(Unknown.Account);
    }

    /// <summary>Every token of the caller stops working, this one included (a lost phone, a shared computer).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> SignOutEverywhere(ClaimsPrincipal caller, UserStore users) =>
        await users.EndSessionsAsync(caller.Id()) ? TypedResults.NoContent() : ApiProblem.NotFound(Unknown.Account);

    private static ProblemHttpResult TooManyFailures(HttpContext http, LoginVerdict verdict) =>
        ApiProblem.TooManyRequests(http.Response, "TooManyFailedLogins",
            new($"该手机号在此设备上登录失败次数过多，请在 {FailedLogins.Window.TotalMinutes:0} 分钟后再试",
                $"too many failed logins for this phone number from this client: try again within {FailedLogins.Window.TotalMinutes:0} minutes"), verdict.RetryAfter);

    private static void NewPassword(FieldErrors errors, string field, string? password)
    {
        if (password is null || password.Length is < PasswordLengthMin or > PasswordLengthMax)
            errors.Add(field, new($"密码须为 {PasswordLengthMin} 到 {PasswordLengthMax} 个字符", $"{PasswordLengthMin} to {PasswordLengthMax} characters"));
    }
}
