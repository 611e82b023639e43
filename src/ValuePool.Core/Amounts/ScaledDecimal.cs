namespace ValuePool.Core.Amounts;

internal static class ScaledDecimal
{
    /// <summary><c>units / 10^scale</c> as a decimal, built directly (no division), exact.</summary>
    public static decimal Of(long units, byte scale)
    {
        unchecked
        {
            var magnitude = units < 0 ? (ulong)-units : (ulong)units;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, scale);
        }
    }
}
