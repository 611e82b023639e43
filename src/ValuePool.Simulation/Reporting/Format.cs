using System.Globalization;
using ValuePool.Core.Amounts;

namespace ValuePool.Simulation.Reporting;

/// <summary>How numbers read in the report: ¥ with thousands separators, percentages with one decimal.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Yuan(Money money) => "¥" + money.Yuan.ToString("#,0.00", Invariant);
    public static string Yuan(long fen) => Yuan(new Money(fen));
    public static string Percent(double share) => (share * 100).ToString("0.0", Invariant) + "%";
    public static string PerYuan(double value) => value.ToString("0.00", Invariant);
    public static string Count(long count) => count.ToString("#,0", Invariant);
    public static string Price(PointPrice price) => price.Rounded(2).ToString("0.00", Invariant);
    public static string Points(Points points) => points.Value.ToString("#,0", Invariant);
}
