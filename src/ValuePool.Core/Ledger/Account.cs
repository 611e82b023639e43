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

    public bool IsExternal => Kind is AccountKind.ConsumerPayments or AccountKind.Financing or AccountKind.AgentFees;

    /// <summary>Accounts that may owe: external ones, the points issuer, and stores that pay dividends.</summary>
    public bool MayGoNegative => IsExternal || Kind is AccountKind.PointsIssuer or AccountKind.StoreReceivable;

    public Asset Asset => Kind is AccountKind.MemberPoints or AccountKind.PointsIssuer ? Asset.Points : Asset.Money;
}
