using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>An amount of CNY in fen (0.01 yuan). Exact: every rounding is an explicit call.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public const int Decimals = 2;
    public static readonly Money Zero = new(0);

    public decimal Yuan => ScaledDecimal.Of(Fen, Decimals);

    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen)) throw new ArgumentException($"{yuan} has more than {Decimals} decimals", nameof(yuan));
        return new Money((long)fen);
    }

    /// <summary>Rounds down to the fen: what is paid to a person never exceeds what is owed.</summary>
    public static Money FloorFromYuan(decimal yuan) => new((long)decimal.Floor(yuan * 100m));

    /// <summary><c>floor2(rate · this)</c>: a share of an amount, rounded down to the fen.</summary>
    public Money Share(Rate rate) => new(rate.ApplyFloor(Fen));

    /// <summary><c>floor2(a · b · this)</c>: a share of a share, rounded once.</summary>
    public Money Share(Rate a, Rate b) => new(Rate.ApplyFloor(Fen, a, b));

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator -(Money a) => new(checked(-a.Fen));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;
    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
