using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>
/// Shopping points (购物积分) in units of 0.01: a marketing asset worth ¥1 a point when it pays for a
/// platform product. A separate asset from money and from appreciation points.
/// </summary>
public readonly record struct ShoppingPoints(long Units) : IComparable<ShoppingPoints>
{
    public const int Decimals = 2;
    public static readonly ShoppingPoints Zero = new(0);

    public decimal Value => ScaledDecimal.Of(Units, Decimals);

    /// <summary>The money these points stand for at ¥1 a point.</summary>
    public Money Worth => new(Units);

    public static ShoppingPoints FromValue(decimal points) => new(Money.FromYuan(points).Fen);

    public static ShoppingPoints operator +(ShoppingPoints a, ShoppingPoints b) => new(checked(a.Units + b.Units));
    public static ShoppingPoints operator -(ShoppingPoints a, ShoppingPoints b) => new(checked(a.Units - b.Units));
    public static bool operator <(ShoppingPoints a, ShoppingPoints b) => a.Units < b.Units;
    public static bool operator >(ShoppingPoints a, ShoppingPoints b) => a.Units > b.Units;
    public static bool operator <=(ShoppingPoints a, ShoppingPoints b) => a.Units <= b.Units;
    public static bool operator >=(ShoppingPoints a, ShoppingPoints b) => a.Units >= b.Units;
    public static ShoppingPoints Min(ShoppingPoints a, ShoppingPoints b) => a.Units <= b.Units ? a : b;

    public int CompareTo(ShoppingPoints other) => Units.CompareTo(other.Units);

    public override string ToString() => Value.ToString("0.00", CultureInfo.InvariantCulture);
}
