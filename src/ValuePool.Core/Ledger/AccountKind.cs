namespace ValuePool.Core.Ledger;

/// <summary>
/// The kinds of account in the ledger. Accounts marked external stand for the world outside the
/// platform (money paid in by consumers, investors and agents); their balances go negative by
/// exactly what came in, so the sum over all accounts of one asset is always zero.
/// </summary>
public enum AccountKind : byte
{
    /// <summary>External: what consumers paid for completed orders.</summary>
    ConsumerPayments = 1,
    /// <summary>External: financing rounds and consumption subsidies put into the pool.</summary>
    Financing = 2,
    /// <summary>External: fees paid by agents for their regions.</summary>
    AgentFees = 3,
    /// <summary>The appreciation pool (盈利池) that backs every point.</summary>
    Pool = 4,
    /// <summary>The platform's own revenue: profit, unspent distribution budget, rounding remainders, fees.</summary>
    PlatformRevenue = 5,
    /// <summary>Proceeds of the platform's self-operated products (自营), net of commission.</summary>
    SelfOperatedSales = 6,
    /// <summary>What the platform owes a store: its orders net of commission. Owner = store index.</summary>
    StoreReceivable = 7,
    /// <summary>A member's wallet cash (零钱). Owner = member index.</summary>
    MemberCash = 8,
    /// <summary>A member's appreciation points. Owner = member index.</summary>
    MemberPoints = 9,
    /// <summary>Points asset: the issuer mints from and burns into this account.</summary>
    PointsIssuer = 10,
    /// <summary>A member's shopping points. Owner = member index.</summary>
    MemberShoppingPoints = 11,
    /// <summary>Shopping points asset: stores' grants are minted from, redemptions and expiries burned into it.</summary>
    ShoppingPointsIssuer = 12,
    /// <summary>Wallet cash requested for withdrawal and waiting for review by finance.</summary>
    PendingWithdrawals = 13,
    /// <summary>External: cash paid out to members' bank accounts or wallets.</summary>
    WithdrawalsPaid = 14,
    /// <summary>External: what merchants paid in as prepaid deposits (商家预存让利款).</summary>
    MerchantDeposits = 15,
    /// <summary>A store's prepaid deposit, from which the commission of its offline till sales is taken. Owner = store index.</summary>
    StoreDeposit = 16,
    /// <summary>External: what investors paid for store shares collected through the platform.</summary>
    Investments = 17,
}
