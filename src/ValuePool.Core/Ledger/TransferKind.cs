namespace ValuePool.Core.Ledger;

/// <summary>Why a transfer happened: the line a member or auditor reads in a history.</summary>
public enum TransferKind : byte
{
    StoreSale = 1,
    PoolContribution = 2,
    PlatformProfit = 3,
    ReferralReward = 4,
    RecruiterReward = 5,
    AgentReward = 6,
    Mint = 7,
    SaleBurn = 8,
    SalePayout = 9,
    ForcedExitBurn = 10,
    ForcedExitPayout = 11,
    Subsidy = 12,
    AgentFee = 13,
    ShoppingPointsGrant = 14,
    ShoppingPointsRedeemed = 15,
    ShoppingPointsExpired = 16,
    ShoppingRebate = 17,
    GoodsCost = 18,
    ShareholderDividend = 19,
    InitiatorBonus = 20,
    PartnerDividend = 21,
    PartnerReferralReward = 22,
    CardSale = 23,
    CardSellerReward = 24,
    WithdrawalRequested = 25,
    WithdrawalPaid = 26,
    WithdrawalFee = 27,
    WithdrawalReturned = 28,
}
