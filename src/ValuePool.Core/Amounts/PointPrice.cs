using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>
/// The point price <c>pool / points</c> as the exact fraction of docs/MODEL.md ("The point price is an
/// exact fraction"): <see cref="PoolFen"/> fen per <see cref="PointsUnits"/> units of 0.0001 point,
/// never a rounded quotient, so anyone can recompute every amount with integers in any language.
/// Every rule that uses the price is integer arithmetic rounding only the final amount down;
/// the price is rounded (half-up, 4 decimals) only to be shown.
/// <para>
/// Bounds: the engine keeps fen and units in <c>long</c>; a product of two of them fits in
/// <see cref="Int128"/> (|a·b| &lt; 2^126). Products of three factors (a sale's payout) are checked
/// and hold while fen and units stay below 2^50 (¥11 trillion, 112 billion points) and a rate's
/// ppm below 2^26.
/// </para>
/// </summary>
public readonly struct PointPrice : IEquatable<PointPrice>, IComparable<PointPrice>
{
    /// <summary>1 yuan per point: 100 fen per 10,000 units, the price before the first order.</summary>
    public static readonly PointPrice Initial = new(100, Points.UnitsPerPoint);

    public PointPrice(long poolFen, long pointsUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(poolFen);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsUnits);
        PoolFen = poolFen;
        PointsUnits = pointsUnits;
    }

    public long PoolFen { get; }
    public long PointsUnits { get; }

    public static PointPrice Of(Money pool, Points points) => new(pool.Fen, points.Units);

    /// <summary>Points bought by <paramref name="money"/>: <c>⌊V · pointsUnits / poolFen⌋</c> units.</summary>
    public Points PointsFor(Money money) => new(checked((long)((Int128)money.Fen * PointsUnits / PoolFen)));

    /// <summary>Gross value of <paramref name="points"/>: <c>⌊q · poolFen / pointsUnits⌋</c> fen.</summary>
    public Money ValueOf(Points points) => new(checked((long)((Int128)points.Units * PoolFen / PointsUnits)));

    /// <summary>What a sale pays out: <c>⌊q · poolFen · ppm / (pointsUnits · 10^6)⌋</c> fen, rounded once.</summary>
    public Money ValueOf(Points points, Rate rate) =>
        new(checked((long)(checked((Int128)points.Units * PoolFen * rate.PartsPerMillion) / ((Int128)PointsUnits * Rate.OneMillion))));

    /// <summary>Fen per unit as a double: for the exit queue's approximate keys and for charts, never for an amount.</summary>
    public double ApproximateFenPerUnit => (double)PoolFen / PointsUnits;

    /// <summary>
    /// Yuan per point rounded half-up to <paramref name="decimals"/> places, exactly:
    /// <c>⌊(2 · 10^d · 100 · poolFen + pointsUnits) / (2 · pointsUnits)⌋ / 10^d</c> (yuan per point is 100 · poolFen / pointsUnits). For display only.
    /// </summary>
    public decimal Rounded(int decimals = 4)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 8);
        var scale = (long)Math.Pow(10, decimals);
        var scaled = ((Int128)2 * scale * 100 * PoolFen + PointsUnits) / ((Int128)2 * PointsUnits);
        return (decimal)scaled / scale;
    }

    /// <summary>Cross-multiplied, so prices are compared exactly whatever their pairs.</summary>
    public int CompareTo(PointPrice other) => ((Int128)PoolFen * other.PointsUnits).CompareTo((Int128)other.PoolFen * PointsUnits);

    public bool Equals(PointPrice other) => CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is PointPrice other && Equals(other);

    /// <summary>Equal prices may be different pairs (2/4 and 1/2): hash the reduced fraction.</summary>
    public override int GetHashCode()
    {
        var (a, b) = (PoolFen, PointsUnits); // Euclid; b > 0, so the divisor is too
        while (a != 0) (a, b) = (b % a, a);
        return HashCode.Combine(PoolFen / b, PointsUnits / b);
    }

    public static bool operator ==(PointPrice a, PointPrice b) => a.Equals(b);
    public static bool operator !=(PointPrice a, PointPrice b) => !a.Equals(b);
    public static bool operator <(PointPrice a, PointPrice b) => a.CompareTo(b) < 0;
    public static bool operator >(PointPrice a, PointPrice b) => a.CompareTo(b) > 0;
    public static bool operator <=(PointPrice a, PointPrice b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PointPrice a, PointPrice b) => a.CompareTo(b) >= 0;

    /// <summary>The exact pair as text, <c>poolFen/pointsUnits</c> (e.g. "48000/2570400"): what a stored price keeps.</summary>
    public string ToFractionString() => string.Create(CultureInfo.InvariantCulture, $"{PoolFen}/{PointsUnits}");

    public static PointPrice ParseFraction(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0) throw new FormatException($"price {text} is not poolFen/pointsUnits");
        return new PointPrice(long.Parse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture),
            long.Parse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>Yuan per point, four decimals, rounded half-up: for display only.</summary>
    public override string ToString() => Rounded().ToString("0.0000", CultureInfo.InvariantCulture);
}
