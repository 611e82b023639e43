namespace ValuePool.Server.Accounts;

/// <summary>A row of <c>app_user</c>.</summary>
public sealed class UserAccount
{
    public string Id { get; init; } = "";
    public string Phone { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Roles { get; init; } = "";
    public long CreatedMs { get; init; }
    public string SecurityStamp { get; init; } = "";

    public string[] RoleList => Accounts.Roles.Split(Roles);
}
