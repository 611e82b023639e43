using ValuePool.Core.Amounts;

namespace ValuePool.Core.Stores;

/// <summary>How partner dividends are shared (MODEL.md §5).</summary>
public enum PartnerSplit
{
    /// <summary>Equal parts.</summary>
    Equal,
    /// <summary>By each partner's spend at the store within the period; equal when none spent.</summary>
    Weighted,
}

/// <summary>How often a store's partner dividend pool is settled.</summary>
public enum PartnerPeriod
{
    Weekly,
    Monthly,
}

/// <summary>What a store offers besides the platform's rates: chosen by the store when it registers.</summary>
public sealed record StoreTerms
{
    public static readonly StoreTerms Default = new();

    /// <summary>Shopping points granted per yuan spent at the store (the seed's 3×).</summary>
    public Rate ShoppingPointsRate { get; init; } = Rate.FromDecimal(3m);
    /// <summary>Lifetime spend at the store that makes a member a partner; null = only by the designated product.</summary>
    public Money? PartnerSpend { get; init; }
    public PartnerSplit PartnerSplit { get; init; } = PartnerSplit.Equal;
    public PartnerPeriod PartnerPeriod { get; init; } = PartnerPeriod.Weekly;
    /// <summary>Paid by the store to a partner for each new member bound to them.</summary>
    public Money PartnerReferralReward { get; init; } = Money.Zero;

    /// <summary>The terms as bytes, for the journal's command codec and the engine's snapshots.</summary>
    public void Write(BinaryWriter output)
    {
        output.Write(ShoppingPointsRate.PartsPerMillion);
        output.WriteOptional(PartnerSpend);
        output.Write((byte)PartnerSplit);
        output.Write((byte)PartnerPeriod);
        output.Write(PartnerReferralReward.Fen);
    }

    public static StoreTerms Read(BinaryReader input) => new()
    {
        ShoppingPointsRate = new Rate(input.ReadInt64()),
        PartnerSpend = input.ReadOptionalMoney(),
        PartnerSplit = (PartnerSplit)input.ReadByte(),
        PartnerPeriod = (PartnerPeriod)input.ReadByte(),
        PartnerReferralReward = new Money(input.ReadInt64()),
    };
}
