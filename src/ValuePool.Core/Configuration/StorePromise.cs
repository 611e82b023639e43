using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>What a store has promised out of its revenue: its cap table and whether it runs a partner pool.</summary>
public sealed record StorePromise(string StoreId, IReadOnlyList<PromisedHolding> Holdings, bool PartnerPool)
{
    /// <summary>
    /// Everything promised as a share of gross revenue: the platform's commission, the partner pool
    /// (of revenue net of commission), shareholder dividends by share, and the initiator's bonus.
    /// </summary>
    public decimal PromisedShareOfRevenue(EngineConfig config)
    {
        var promised = config.Commission.Value;
        if (PartnerPool) promised += config.PartnerPoolShare.Value * (1m - config.Commission.Value);
        promised += config.ShareholderDividendShare.Value * Holdings.Sum(h => h.Share.Value);
        if (Holdings.Any(h => h.Initiator)) promised += config.InitiatorBonus.Value;
        return promised;
    }
}

/// <summary>One cap-table line as the audit sees it.</summary>
public sealed record PromisedHolding(Rate Share, Money Invested, bool Initiator);
