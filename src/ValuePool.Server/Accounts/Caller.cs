using System.Security.Claims;

namespace ValuePool.Server.Accounts;

/// <summary>Who is calling, from the bearer token: the user id is also the member's id in the engine.</summary>
public static class Caller
{
    public const string IdClaim = "sub";
    public const string RoleClaim = "role";

    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(IdClaim) ?? throw new InvalidOperationException("an authenticated endpoint was reached without a subject claim");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
