using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Http;

namespace ValuePool.Server.Wallet;

/// <summary>
/// A member's wallet as the API shows it: points and their value now, cash, and how far the cycle
/// is from a forced exit ((H·price + R) / (exitMultiple·C), 1 = exit). The value is history, not a forecast.
/// <c>Owed</c> is what stores owe the member but could not pay yet (MODEL.md §8): shown, not withdrawable.
/// </summary>
public sealed record WalletResponse(string MemberId, string Points, string Price, PriceFraction PriceFraction, string PointsValue, string Cash, string ShoppingPoints,
    string CycleConsumed, string CycleRealized, string ExitTarget, string ExitProgress, int Exits, string? Referrer, string Owed)
{
    public static WalletResponse Of(string memberId, IEngineView engine)
    {
        var member = engine.FindMember(memberId);
        var points = member?.Points ?? Core.Amounts.Points.Zero;
        var value = engine.Price.ValueOf(points);
        // The engine computes the exit figures; shown with four decimals, rounded down like the engine's own.
        var progress = (member?.ExitProgress ?? Rate.Zero).PartsPerMillion / 100 / 10_000m;
        return new WalletResponse(memberId, points.Text(), engine.Price.Text(), PriceFraction.Of(engine.Price), value.Text(), (member?.Cash ?? Money.Zero).Text(),
            (member?.ShoppingPoints ?? Core.Amounts.ShoppingPoints.Zero).ToString(), (member?.CycleConsumed ?? Money.Zero).Text(),
            (member?.CycleRealized ?? Money.Zero).Text(), (member?.ExitTarget ?? Money.Zero).Text(),
            progress.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), member?.Exits ?? 0, member?.Referrer, engine.OwedTo(memberId).Text());
    }
}
