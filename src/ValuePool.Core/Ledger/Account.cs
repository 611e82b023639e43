namespace ValuePool.Core.Ledger;

/// <summary>One account: a kind and, for per-member and per-store kinds, the owner's index.</summary>
public readonly record struct Account(AccountKind Kind, int Owner = 0)
{
    public static Account Pool => new(AccountKind.Pool);
    public static Account PlatformRevenue => new(AccountKind.PlatformRevenue);
    public static Account PointsIssuer => new(AccountKind.PointsIssuer);
    public static Account MemberCash(int member) => new(AccountKind.MemberCash, member);
    public static Account MemberPoints(int member) => new(AccountKind.MemberPoints, member);
    public static Account StoreReceivable(int store) => new(AccountKind.StoreReceivable, store);
    public static Account MemberShoppingPoints(int member) => new(AccountKind.MemberShoppingPoints, member);
    public static Account ShoppingPointsIssuer => new(AccountKind.ShoppingPointsIssuer);
    public static Account StoreDeposit(int store) => new(AccountKind.StoreDeposit, store);
    public static Account ConsumerPayments => new(AccountKind.ConsumerPayments);

    public bool IsExternal => Kind is AccountKind.ConsumerPayments or AccountKind.Financing or AccountKind.AgentFees or AccountKind.WithdrawalsPaid
        or AccountKind.MerchantDeposits or AccountKind.Investments;

    /// <summary>Money from outside the platform: its payers' accounts, which go negative by what they paid in.</summary>
    public bool IsPayer => IsExternal && Kind != AccountKind.WithdrawalsPaid;

    public bool IsPerStore => Kind is AccountKind.StoreReceivable or AccountKind.StoreDeposit;

    public bool IsPerMember => Kind is AccountKind.MemberCash or AccountKind.MemberPoints or AccountKind.MemberShoppingPoints;

    /// <summary>
    /// Accounts that may go negative: external ones and the points issuers, nothing else. Every other account holds
    /// money or points someone paid in, so a transfer that would overdraw one is refused (MODEL.md §8).
    /// </summary>
    public bool MayGoNegative => IsExternal || Kind is AccountKind.PointsIssuer or AccountKind.ShoppingPointsIssuer;

    public Asset Asset => Kind switch
    {
        AccountKind.MemberPoints or AccountKind.PointsIssuer => Asset.Points,
        AccountKind.MemberShoppingPoints or AccountKind.ShoppingPointsIssuer => Asset.ShoppingPoints,
        _ => Asset.Money,
    };
}
