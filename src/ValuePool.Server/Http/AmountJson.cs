using ValuePool.Core.Amounts;

namespace ValuePool.Server.Http;

/// <summary>Amounts leave the API as decimal strings ("1000.00", "112.0000"), never JSON numbers.</summary>
public static class AmountJson
{
    public static string Text(this Money money) => money.ToString();
    public static string Text(this Points points) => points.ToString();
    public static string Text(this PointPrice price) => price.YuanPerPoint.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
    public static string FenText(long fen) => new Money(fen).ToString();
}
