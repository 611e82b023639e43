using ValuePool.Core.Amounts;

namespace ValuePool.Server.Http;

/// <summary>
/// The point price as the engine holds it, beside its rounded display: <c>poolFen</c> fen per <c>pointsUnits</c>
/// units of 0.0001 point (docs/MODEL.md, "The point price is an exact fraction"), so a client can recompute exactly.
/// </summary>
public sealed record PriceFraction(long PoolFen, long PointsUnits)
{
    public static PriceFraction Of(PointPrice price) => new(price.PoolFen, price.PointsUnits);
}
