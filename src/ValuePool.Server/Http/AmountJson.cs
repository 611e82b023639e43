using ValuePool.Core.Amounts;

namespace ValuePool.Server.Http;

/// <summary>Amounts leave the API as decimal strings ("1000.00", "112.0000"), never JSON numbers.</summary>
public static class AmountJson
{
    public static string Text(this Money money) => money.ToString();
    public static string Text(this Points points) => points.ToString();
    /// <summary>The price rounded half-up to 4 decimals, for display; <see cref="PriceFraction"/> is the exact figure.</summary>
    public static string Text(this PointPrice price) => price.ToString();
    public static string FenText(long fen) => new Money(fen).ToString();
}
