namespace ValuePool.Server.Stores;

public static class StoreStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
}

/// <summary>A row of <c>store</c>: the profile and approval state; its money lives in the engine.</summary>
public sealed class StoreRecord
{
    public string Id { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string District { get; init; } = "";
    public string? RecruiterId { get; init; }
    public string Status { get; init; } = "";
    public string ShareCode { get; init; } = "";
    public long CreatedMs { get; init; }

    public bool IsApproved => Status == StoreStatus.Approved;
}
