using System.Globalization;

namespace ValuePool.Core.Amounts;

/// <summary>
/// Strict parsing of amounts written as decimal strings ("1000.00"): digits, an optional point and
/// at most the asset's decimals; no sign, exponent, spaces or thousands separators.
/// </summary>
public static class AmountText
{
    /// <summary>
    /// At most 12 digits before the point: any such value times a million (a rate's scale, the largest of
    /// money's, points' and rates') still fits in a long, so no parse or conversion after it can overflow.
    /// </summary>
    public const int IntegerDigitsMax = 12;

    /// <summary>¥10,000,000,000.00: far above any real order, far below overflow when summed.</summary>
    public static readonly Money MoneyMax = new(1_000_000_000_000);
    /// <summary>The most a 12-digit text can hold, 999,999,999,999.9999 points.</summary>
    public static readonly Points PointsMax = new(9_999_999_999_999_999);

    public static bool TryParseMoney(string? text, out Money money, out string error)
    {
        money = Money.Zero;
        if (!TryParseDecimal(text, Money.Decimals, out var value, out error)) return false;
        money = Money.FromYuan(value);
        return InRange(money.Fen, MoneyMax.Fen, MoneyMax.ToString(), out error);
    }

    public static bool TryParseShoppingPoints(string? text, out ShoppingPoints points, out string error)
    {
        var parsed = TryParseMoney(text, out var asMoney, out error);
        points = new ShoppingPoints(asMoney.Fen);
        return parsed;
    }

    public static bool TryParsePoints(string? text, out Points points, out string error)
    {
        points = Points.Zero;
        if (!TryParseDecimal(text, Points.Decimals, out var value, out error)) return false;
        points = Points.FromValue(value);
        return InRange(points.Units, PointsMax.Units, PointsMax.ToString(), out error);
    }

    /// <summary>A non-negative decimal with at most <paramref name="maxDecimals"/> decimals (used for rates too).</summary>
    public static bool TryParseDecimal(string? text, int maxDecimals, out decimal value, out string error)
    {
        value = 0;
        error = "";
        if (string.IsNullOrEmpty(text) || text.Length > 30) { error = $"\"{text}\" is not a decimal amount"; return false; }
        var point = text.IndexOf('.');
        var digits = point < 0 ? text : text.Remove(point, 1);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || point == 0 || (point > 0 && decimals == 0))
        {
            error = $"\"{text}\" is not a decimal amount"; return false;
        }
        if (decimals > maxDecimals) { error = $"\"{text}\" has more than {maxDecimals} decimals"; return false; }
        if (digits.Length - decimals > IntegerDigitsMax) { error = $"\"{text}\" has more than {IntegerDigitsMax} digits before the point"; return false; }
        value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool InRange(long minorUnits, long max, string maxText, out string error)
    {
        error = minorUnits <= 0 ? "the amount must be above zero" : minorUnits > max ? $"the amount is above the maximum {maxText}" : "";
        return error.Length == 0;
    }
}
