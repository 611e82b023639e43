using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>
/// Yuan per appreciation point: <c>pool / points</c> as a C# decimal quotient (28–29 significant
/// digits). The price is never rounded to display precision before use; MODEL.md's seed vector
/// (order 2 mints 78.3999, not 78.4000) is this quotient's behaviour, so the engine keeps it.
/// </summary>
public readonly record struct PointPrice(decimal YuanPerPoint) : IComparable<PointPrice>
{
    public static readonly PointPrice Initial = new(1m);

    public static PointPrice Of(Money pool, Points points) => new(pool.Yuan / points.Value);

    /// <summary>Points bought by <paramref name="money"/> at this price, rounded down to 0.0001.</summary>
    public Points PointsFor(Money money) => Points.FloorFromValue(money.Yuan / YuanPerPoint);

    /// <summary>Gross value of <paramref name="points"/> at this price, rounded down to the fen.</summary>
    public Money ValueOf(Points points) => Money.FloorFromYuan(points.Value * YuanPerPoint);

    /// <summary><c>floor2(points · price · rate)</c>: what a sale pays out.</summary>
    public Money ValueOf(Points points, Rate rate) => Money.FloorFromYuan(points.Value * YuanPerPoint * rate.Value);

    public static bool operator <(PointPrice a, PointPrice b) => a.YuanPerPoint < b.YuanPerPoint;
    public static bool operator >(PointPrice a, PointPrice b) => a.YuanPerPoint > b.YuanPerPoint;
    public static bool operator <=(PointPrice a, PointPrice b) => a.YuanPerPoint <= b.YuanPerPoint;
    public static bool operator >=(PointPrice a, PointPrice b) => a.YuanPerPoint >= b.YuanPerPoint;

    public int CompareTo(PointPrice other) => YuanPerPoint.CompareTo(other.YuanPerPoint);

    /// <summary>Four decimals, rounded half-up: for display only.</summary>
    public override string ToString() =>
        decimal.Round(YuanPerPoint, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture);
}
