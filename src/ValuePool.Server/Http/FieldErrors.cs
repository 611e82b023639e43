using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;

namespace ValuePool.Server.Http;

/// <summary>
/// Collects field-level messages while a request is read, then answers them all at once as a
/// ValidationProblem (400). Amounts arrive as decimal strings and are parsed strictly by AmountText.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages)) _byField[field] = messages = [];
        messages.Add(message);
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
            extensions: new Dictionary<string, object?> { ["code"] = "ValidationFailed" });

    public Money Money(string field, string? text)
    {
        if (AmountText.TryParseMoney(text, out var money, out var error)) return money;
        Add(field, text is null ? "required, a decimal string such as \"100.00\"" : error);
        return Core.Amounts.Money.Zero;
    }

    public Points Points(string field, string? text)
    {
        if (AmountText.TryParsePoints(text, out var points, out var error)) return points;
        Add(field, text is null ? "required, a decimal string such as \"10.0000\"" : error);
        return Core.Amounts.Points.Zero;
    }

    /// <summary>An amount that may be zero (a reward, an investment); absent = zero. Negative amounts are refused like any non-decimal text.</summary>
    public Money MoneyOrZero(string field, string? text)
    {
        if (text is null) return Core.Amounts.Money.Zero;
        if (!AmountText.TryParseDecimal(text, Core.Amounts.Money.Decimals, out var value, out var error))
        {
            Add(field, error);
            return Core.Amounts.Money.Zero;
        }
        return value == 0m ? Core.Amounts.Money.Zero : Money(field, text);
    }

    public ShoppingPoints ShoppingPoints(string field, string? text)
    {
        if (AmountText.TryParseShoppingPoints(text, out var points, out var error)) return points;
        Add(field, text is null ? "required, a decimal string such as \"100.00\"" : error);
        return Core.Amounts.ShoppingPoints.Zero;
    }

    /// <summary>A proportion written as a decimal string ("0.04" = 4%), at most six decimals, between 0 and <paramref name="max"/>.</summary>
    public Rate Rate(string field, string? text, decimal max)
    {
        if (!AmountText.TryParseDecimal(text, 6, out var value, out var error))
        {
            Add(field, text is null ? "required, a decimal string such as \"0.04\"" : error);
            return Core.Amounts.Rate.Zero;
        }
        if (value > max) Add(field, $"at most {max}");
        return Core.Amounts.Rate.FromDecimal(value);
    }

    /// <summary>One of an enum's names, written in lower camel case ("weighted"); absent = <paramref name="absent"/>.</summary>
    public T Choice<T>(string field, string? text, T absent) where T : struct, Enum
    {
        if (text is null) return absent;
        // Enum.TryParse also reads numbers ("1"); the API's choices are names only.
        if (!text.Any(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value)) return value;
        Add(field, "one of " + string.Join(", ", Enum.GetValues<T>().Select(value => value.Text())));
        return absent;
    }

    public string Text(string field, string? text, int lengthMax = 100)
    {
        if (string.IsNullOrWhiteSpace(text)) Add(field, "required");
        else if (text.Length > lengthMax) Add(field, $"at most {lengthMax} characters");
        return text?.Trim() ?? "";
    }

    public string Phone(string field, string? text)
    {
        if (text is null || !PhonePattern().IsMatch(text)) Add(field, "a phone number: 6 to 15 digits, optionally after +");
        return text ?? "";
    }

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhonePattern();
}
