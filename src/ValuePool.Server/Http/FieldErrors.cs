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
