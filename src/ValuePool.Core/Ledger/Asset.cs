namespace ValuePool.Core.Ledger;

/// <summary>What a transfer moves. Each asset balances on its own: money never turns into points.</summary>
public enum Asset : byte
{
    /// <summary>CNY in fen.</summary>
    Money = 1,
    /// <summary>Appreciation points in 0.0001 units.</summary>
    Points = 2,
    /// <summary>Shopping points (购物积分) in 0.01 units.</summary>
    ShoppingPoints = 3,
}
