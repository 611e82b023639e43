namespace ValuePool.Core.Configuration;

/// <summary>
/// How an optional distribution mode (MODEL.md §3b) is settled: off (the default), tallied for payment outside the
/// platform (the seed's 财务宝: nothing moves in the ledger), or credited to wallets from the order's distribution budget.
/// </summary>
public enum ModeSettlement : byte
{
    Off = 0,
    Offline = 1,
    Wallet = 2,
}
