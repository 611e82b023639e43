using ValuePool.Core.Amounts;
using ValuePool.Core.Stores;

namespace ValuePool.Server.Stores;

public static class StoreStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
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
    public string? RejectionReason { get; init; }

    // The terms chosen at registration (table store_terms); null on stores registered before terms existed, which keep the defaults.
    public long? ShoppingPointsRatePpm { get; init; }
    public long? PartnerSpendFen { get; init; }
    public string? PartnerSplit { get; init; }
    public string? PartnerPeriod { get; init; }
    public long? PartnerReferralRewardFen { get; init; }

    public bool IsApproved => Status == StoreStatus.Approved;
    public bool IsRejected => Status == StoreStatus.Rejected;

    public StoreTerms Terms => ShoppingPointsRatePpm is not { } ratePpm
        ? StoreTerms.Default
        : new StoreTerms
        {
            ShoppingPointsRate = new Rate(ratePpm),
            PartnerSpend = PartnerSpendFen is { } spendFen ? new Money(spendFen) : null,
            PartnerSplit = Enum.Parse<PartnerSplit>(PartnerSplit!),
            PartnerPeriod = Enum.Parse<PartnerPeriod>(PartnerPeriod!),
            PartnerReferralReward = new Money(PartnerReferralRewardFen ?? 0),
        };
}
