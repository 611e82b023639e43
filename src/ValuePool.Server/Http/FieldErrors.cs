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

    /// <summary>
    /// One of an enum's names exactly as the API writes it, in lower camel case ("weighted"); absent = <paramref name="absent"/>.
    /// Not Enum.TryParse: it also reads numbers ("1"), other cases and surrounding spaces, so two spellings would mean one
    /// choice and a stored value could differ from what the client sent.
    /// </summary>
    public T Choice<T>(string field, string? text, T absent) where T : struct, Enum
    {
        if (text is null) return absent;
        foreach (var value in Enum.GetValues<T>())
            if (value.Text() == text) return value;
        Add(field, "one of " + string.Join(", ", Enum.GetValues<T>().Select(value => value.Text())));
        return absent;
    }

    /// <summary>
    /// A name or free text: required, at most <paramref name="lengthMax"/> characters, without control characters (NUL,
    /// line breaks…) or bidirectional controls, which make a name display as something else (U+202E turns "gpj.exe" around).
    /// </summary>
    public string Text(string field, string? text, int lengthMax = 100)
    {
        if (string.IsNullOrWhiteSpace(text)) Add(field, "required");
        else if (text.Length > lengthMax) Add(field, $"at most {lengthMax} characters");
        else if (text.Any(IsInvisibleControl)) Add(field, "no control or bidirectional-control characters");
        return text?.Trim() ?? "";
    }

    /// <summary>Unicode category Cc, and the bidirectional controls: embeddings and overrides, isolates, marks.</summary>
    public static bool IsInvisibleControl(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public string Phone(string field, string? text)
    {
        if (text is null || !PhonePattern().IsMatch(text)) Add(field, "a phone number: 6 to 15 digits, optionally after +");
        return text ?? "";
    }

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhonePattern();
}
