using ValuePool.Core.Amounts;

namespace ValuePool.Core.Engine;

/// <summary>
/// A member's exit price <c>(m·C − R) / H</c> (docs/MODEL.md §2) as an exact fraction: the numerator
/// <c>m·C − R</c> in millionths of a fen (m in parts per million), over H in units. The exit queue
/// keys members by <see cref="Approximate"/>; every decision (due or not, who comes first) uses the
/// exact fraction.
/// <para>
/// Bounds: the numerator is two 64-bit products, |ppm·C| and |10^6·R| &lt; 2^126 each, held in
/// <see cref="Int128"/>; comparisons and the exit rule multiply it by a count of units, checked, which
/// holds while fen and units stay below 2^50 and m below 2^26 ppm (67×).
/// </para>
/// </summary>
internal readonly struct ExitPrice
{
    private readonly Int128 _numerator;
    private readonly long _heldUnits;

    private ExitPrice(Int128 numerator, long heldUnits)
    {
        _numerator = numerator;
        _heldUnits = heldUnits;
    }

    /// <param name="heldUnits">H, above zero: a member without points is not queued.</param>
    public static ExitPrice Of(Rate exitMultiple, long cycleConsumedFen, long cycleRealizedFen, long heldUnits) =>
        new((Int128)exitMultiple.PartsPerMillion * cycleConsumedFen - (Int128)cycleRealizedFen * Rate.OneMillion, heldUnits);

    /// <summary>
    /// The exit rule <c>H·price + R ≥ m·C</c>, i.e. <c>H · poolFen · 10^6 ≥ (m·C − R) · 10^6 · pointsUnits</c>
    /// with m·C − R in millionths of a fen: <c>H · poolFen · 10^6 ≥ numerator · pointsUnits</c>.
    /// </summary>
    public bool IsReachedBy(PointPrice price) =>
        checked((Int128)_heldUnits * price.PoolFen * Rate.OneMillion) >= checked(_numerator * price.PointsUnits);

    /// <summary>Cross-multiplied: <c>a/H_a</c> against <c>b/H_b</c> as <c>a·H_b</c> against <c>b·H_a</c> (both H positive).</summary>
    public int CompareTo(ExitPrice other) => checked(_numerator * other._heldUnits).CompareTo(checked(other._numerator * _heldUnits));

    /// <summary>
    /// Fen per unit as a double, comparable with <see cref="PointPrice.ApproximateFenPerUnit"/>. The numerator is
    /// exact before its one conversion, so the key is within a few ulps (≈ 10^-15 relative) of the fraction: far
    /// inside the billionth below which the queue falls back to <see cref="CompareTo"/>.
    /// </summary>
    public double Approximate => (double)_numerator / Rate.OneMillion / _heldUnits;
}
