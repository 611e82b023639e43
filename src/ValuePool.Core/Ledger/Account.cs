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
    public static Account ConsumerPayments => new(AccountKind.ConsumerPayments);

    public bool IsExternal => Kind is AccountKind.ConsumerPayments or AccountKind.Financing or AccountKind.AgentFees or AccountKind.WithdrawalsPaid;

    /// <summary>Accounts that may owe: external ones, the points issuer, and stores that pay dividends.</summary>
    public bool MayGoNegative => IsExternal || Kind is AccountKind.PointsIssuer or AccountKind.ShoppingPointsIssuer or AccountKind.StoreReceivable;

    public Asset Asset => Kind switch
    {
        AccountKind.MemberPoints or AccountKind.PointsIssuer => Asset.Points,
        AccountKind.MemberShoppingPoints or AccountKind.ShoppingPointsIssuer => Asset.ShoppingPoints,
        _ => Asset.Money,
    };
}
