using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>
/// A proportion held exactly in millionths (parts per million), e.g. 20% = 200,000 ppm, 0.1% = 1,000 ppm.
/// Every rate of the model has at most four decimals of a percent, so integers keep them exact.
/// </summary>
public readonly record struct Rate(long PartsPerMillion) : IComparable<Rate>
{
    public const long OneMillion = 1_000_000;
    public static readonly Rate Zero = new(0);
    public static readonly Rate One = new(OneMillion);

    public decimal Value => PartsPerMillion / (decimal)OneMillion;

    public static Rate FromDecimal(decimal value)
    {
        var ppm = value * OneMillion;
        if (ppm != decimal.Truncate(ppm)) throw new ArgumentException($"rate {value} has more than 6 decimals", nameof(value));
        return new Rate((long)ppm);
    }

    public static Rate Percent(decimal percent) => FromDecimal(percent / 100m);

    /// <summary><c>floor(rate · minorUnits)</c>, exact for any amount that fits in a long.</summary>
    public long ApplyFloor(long minorUnits)
    {
        var product = (Int128)minorUnits * PartsPerMillion;
        var quotient = product / OneMillion;
        if (product < 0 && quotient * OneMillion != product) quotient -= 1;
        return checked((long)quotient);
    }

    /// <summary><c>floor(a · b · minorUnits)</c>: a share of a share, rounded once, exactly.</summary>
    public static long ApplyFloor(long minorUnits, Rate a, Rate b)
    {
        var product = (Int128)minorUnits * a.PartsPerMillion * b.PartsPerMillion;
        var quotient = product / ((Int128)OneMillion * OneMillion);
        if (product < 0 && quotient * OneMillion * OneMillion != product) quotient -= 1;
        return checked((long)quotient);
    }

    public static Rate operator +(Rate a, Rate b) => new(checked(a.PartsPerMillion + b.PartsPerMillion));
    /// <summary>The product of two rates, rounded down to a millionth (for limits, never for money).</summary>
    public static Rate operator *(Rate a, Rate b) => new(checked(a.PartsPerMillion * b.PartsPerMillion / OneMillion));
    public static Rate operator -(Rate a, Rate b) => new(checked(a.PartsPerMillion - b.PartsPerMillion));
    public static bool operator <(Rate a, Rate b) => a.PartsPerMillion < b.PartsPerMillion;
    public static bool operator >(Rate a, Rate b) => a.PartsPerMillion > b.PartsPerMillion;
    public static bool operator <=(Rate a, Rate b) => a.PartsPerMillion <= b.PartsPerMillion;
    public static bool operator >=(Rate a, Rate b) => a.PartsPerMillion >= b.PartsPerMillion;

    public int CompareTo(Rate other) => PartsPerMillion.CompareTo(other.PartsPerMillion);

    public override string ToString() => Value.ToString("0.######", CultureInfo.InvariantCulture);
}
