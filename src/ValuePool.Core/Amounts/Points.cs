using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>Appreciation points (增值积分) in units of 0.0001 point. A separate asset from money.</summary>
public readonly record struct Points(long Units) : IComparable<Points>
{
    public const int Decimals = 4;
    public const long UnitsPerPoint = 10_000;
    public static readonly Points Zero = new(0);

    public decimal Value => ScaledDecimal.Of(Units, Decimals);

    public static Points FromValue(decimal points)
    {
        var units = points * UnitsPerPoint;
        if (units != decimal.Truncate(units)) throw new ArgumentException($"{points} has more than {Decimals} decimals", nameof(points));
        return new Points((long)units);
    }

    /// <summary>Rounds down to 0.0001: what is minted to a person never exceeds what was paid for.</summary>
    public static Points FloorFromValue(decimal points) => new((long)decimal.Floor(points * UnitsPerPoint));

    public static Points operator +(Points a, Points b) => new(checked(a.Units + b.Units));
    public static Points operator -(Points a, Points b) => new(checked(a.Units - b.Units));
    public static Points operator -(Points a) => new(checked(-a.Units));
    public static bool operator <(Points a, Points b) => a.Units < b.Units;
    public static bool operator >(Points a, Points b) => a.Units > b.Units;
    public static bool operator <=(Points a, Points b) => a.Units <= b.Units;
    public static bool operator >=(Points a, Points b) => a.Units >= b.Units;

    public int CompareTo(Points other) => Units.CompareTo(other.Units);

    public override string ToString() => Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
