namespace ValuePool.Server.Accounts;

/// <summary>The roles of MODEL.md §1 that the API tells apart. One person may hold several.</summary>
public static class Roles
{
    public const string Member = "member";
    public const string Merchant = "merchant";
    public const string Promoter = "promoter";
    public const string Agent = "agent";
    public const string Shareholder = "shareholder";
    public const string Finance = "finance";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Member, Merchant, Promoter, Agent, Shareholder, Finance, Admin];

    public static string Join(IEnumerable<string> roles) => string.Join(',', roles.Distinct().Order(StringComparer.Ordinal));
    public static string[] Split(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
