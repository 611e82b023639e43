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

    public static bool TryParseMoney(string? text, out Money money, out string error) =>
        Worded(ReadMoney(text, out money), text, Money.Decimals, MoneyMax.ToString(), out error);

    /// <summary>Money, or why not (<see cref="AmountTextProblem.None"/> when read): the API words the reason in its own languages.</summary>
    public static AmountTextProblem ReadMoney(string? text, out Money money)
    {
        money = Money.Zero;
        var problem = ReadDecimal(text, Money.Decimals, out var value);
        if (problem != AmountTextProblem.None) return problem;
        money = Money.FromYuan(value);
        return InRange(money.Fen, MoneyMax.Fen);
    }

    public static bool TryParseShoppingPoints(string? text, out ShoppingPoints points, out string error)
    {
        var parsed = TryParseMoney(text, out var asMoney, out error);
        points = new ShoppingPoints(asMoney.Fen);
        return parsed;
    }

    public static AmountTextProblem ReadShoppingPoints(string? text, out ShoppingPoints points)
    {
        var problem = ReadMoney(text, out var asMoney);
        points = new ShoppingPoints(asMoney.Fen);
        return problem;
    }

    public static bool TryParsePoints(string? text, out Points points, out string error) =>
        Worded(ReadPoints(text, out points), text, Points.Decimals, PointsMax.ToString(), out error);

    public static AmountTextProblem ReadPoints(string? text, out Points points)
    {
        points = Points.Zero;
        var problem = ReadDecimal(text, Points.Decimals, out var value);
        if (problem != AmountTextProblem.None) return problem;
        points = Points.FromValue(value);
        return InRange(points.Units, PointsMax.Units);
    }

    /// <summary>A non-negative decimal with at most <paramref name="maxDecimals"/> decimals (used for rates too).</summary>
    public static bool TryParseDecimal(string? text, int maxDecimals, out decimal value, out string error) =>
        Worded(ReadDecimal(text, maxDecimals, out value), text, maxDecimals, "", out error);

    /// <summary>As <see cref="TryParseDecimal(string?, int, out decimal, out string)"/>, the reason as a value.</summary>
    public static AmountTextProblem ReadDecimal(string? text, int maxDecimals, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 30) return AmountTextProblem.NotDecimal;
        var point = text.IndexOf('.');
        var digits = point < 0 ? text : text.Remove(point, 1);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || point == 0 || (point > 0 && decimals == 0))
            return AmountTextProblem.NotDecimal;
        if (decimals > maxDecimals) return AmountTextProblem.TooManyDecimals;
        if (digits.Length - decimals > IntegerDigitsMax) return AmountTextProblem.TooManyDigits;
        value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return AmountTextProblem.None;
    }

    /// <summary>The English message of a refused amount, as the CLI and the replay files print it.</summary>
    public static string Describe(AmountTextProblem problem, string? text, int maxDecimals, string maxText) => problem switch
    {
        AmountTextProblem.None => "",
        AmountTextProblem.NotDecimal => $"\"{text}\" is not a decimal amount",
        AmountTextProblem.TooManyDecimals => $"\"{text}\" has more than {maxDecimals} decimals",
        AmountTextProblem.TooManyDigits => $"\"{text}\" has more than {IntegerDigitsMax} digits before the point",
        AmountTextProblem.NotPositive => "the amount must be above zero",
        _ => $"the amount is above the maximum {maxText}",
    };

    private static bool Worded(AmountTextProblem problem, string? text, int maxDecimals, string maxText, out string error)
    {
        error = Describe(problem, text, maxDecimals, maxText);
        return problem == AmountTextProblem.None;
    }

    private static AmountTextProblem InRange(long minorUnits, long max) =>
        minorUnits <= 0 ? AmountTextProblem.NotPositive : minorUnits > max ? AmountTextProblem.AboveMaximum : AmountTextProblem.None;
}

/// <summary>Why an amount's text was refused.</summary>
public enum AmountTextProblem
{
    None,
    /// <summary>Not digits with an optional point and decimals after it (no sign, exponent, spaces or separators).</summary>
    NotDecimal,
    TooManyDecimals,
    /// <summary>More than <see cref="AmountText.IntegerDigitsMax"/> digits before the point.</summary>
    TooManyDigits,
    NotPositive,
    AboveMaximum,
}
