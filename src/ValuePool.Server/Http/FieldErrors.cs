using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Amounts;

namespace ValuePool.Server.Http;

/// <summary>
/// Collects field-level messages while a request is read, then answers them all at once as a
/// ValidationProblem (400). Amounts arrive as decimal strings and are parsed strictly by AmountText. Each message is
/// given in both languages and kept in the request's (<see cref="Bilingual"/>).
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, Bilingual message)
    {
        if (!_byField.TryGetValue(field, out var messages)) _byField[field] = messages = [];
        messages.Add(message.Text);
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
            title: ProblemTexts.ValidationTitle.Text, extensions: new Dictionary<string, object?> { ["code"] = "ValidationFailed" });

    public Money Money(string field, string? text)
    {
        var problem = AmountText.ReadMoney(text, out var money);
        if (problem == AmountTextProblem.None) return money;
        Add(field, text is null ? Required("100.00") : Words(problem, text, Core.Amounts.Money.Decimals, "¥" + AmountText.MoneyMax));
        return Core.Amounts.Money.Zero;
    }

    public Points Points(string field, string? text)
    {
        var problem = AmountText.ReadPoints(text, out var points);
        if (problem == AmountTextProblem.None) return points;
        Add(field, text is null ? Required("10.0000") : Words(problem, text, Core.Amounts.Points.Decimals, AmountText.PointsMax.ToString()));
        return Core.Amounts.Points.Zero;
    }

    /// <summary>An absent amount: what to send instead.</summary>
    public static Bilingual Required(string example) =>
        new($"必填，请写成字符串形式的数字，如 \"{example}\"", $"required, a decimal string such as \"{example}\"");

    /// <summary>Why an amount's text was refused, <paramref name="maxText"/> the largest allowed as the message shows it.</summary>
    public static Bilingual Words(AmountTextProblem problem, string? text, int maxDecimals, string maxText) => problem switch
    {
        AmountTextProblem.NotDecimal => new($"\"{text}\" 不是有效的金额：只能包含数字和小数点，不能有正负号、空格或千位分隔符",
            AmountText.Describe(problem, text, maxDecimals, maxText)),
        AmountTextProblem.TooManyDecimals => new($"\"{text}\" 的小数位超过 {maxDecimals} 位", AmountText.Describe(problem, text, maxDecimals, maxText)),
        AmountTextProblem.TooManyDigits => new($"\"{text}\" 的整数部分超过 {AmountText.IntegerDigitsMax} 位", AmountText.Describe(problem, text, maxDecimals, maxText)),
        AmountTextProblem.NotPositive => new("金额必须大于零", AmountText.Describe(problem, text, maxDecimals, maxText)),
        _ => new($"金额超过上限 {maxText}", AmountText.Describe(problem, text, maxDecimals, maxText)),
    };

    /// <summary>An amount that may be zero (a reward, an investment); absent = zero. Negative amounts are refused like any non-decimal text.</summary>
    public Money MoneyOrZero(string field, string? text)
    {
        if (text is null) return Core.Amounts.Money.Zero;
        var problem = AmountText.ReadDecimal(text, Core.Amounts.Money.Decimals, out var value);
        if (problem != AmountTextProblem.None)
        {
            Add(field, Words(problem, text, Core.Amounts.Money.Decimals, ""));
            return Core.Amounts.Money.Zero;
        }
        return value == 0m ? Core.Amounts.Money.Zero : Money(field, text);
    }

    public ShoppingPoints ShoppingPoints(string field, string? text)
    {
        var problem = AmountText.ReadShoppingPoints(text, out var points);
        if (problem == AmountTextProblem.None) return points;
        Add(field, text is null ? Required("100.00") : Words(problem, text, Core.Amounts.Money.Decimals, AmountText.MoneyMax.ToString()));
        return Core.Amounts.ShoppingPoints.Zero;
    }

    /// <summary>A proportion written as a decimal string ("0.04" = 4%), at most six decimals, between 0 and <paramref name="max"/>.</summary>
    public Rate Rate(string field, string? text, decimal max)
    {
        var problem = AmountText.ReadDecimal(text, 6, out var value);
        if (problem != AmountTextProblem.None)
        {
            Add(field, text is null ? Required("0.04") : Words(problem, text, 6, ""));
            return Core.Amounts.Rate.Zero;
        }
        if (value > max) Add(field, new($"不能超过 {max}", $"at most {max}"));
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
        var choices = string.Join(", ", Enum.GetValues<T>().Select(value => value.Text()));
        Add(field, new($"须为以下之一（区分大小写，不带空格）：{choices}", "one of " + choices));
        return absent;
    }

    /// <summary>
    /// A name or free text: required, at most <paramref name="lengthMax"/> characters, without control characters (NUL,
    /// line breaks…) or bidirectional controls, which make a name display as something else (U+202E turns "gpj.exe" around).
    /// </summary>
    public string Text(string field, string? text, int lengthMax = 100)
    {
        if (string.IsNullOrWhiteSpace(text)) Add(field, RequiredText);
        else if (text.Length > lengthMax) Add(field, AtMostCharacters(lengthMax));
        else if (text.Any(IsInvisibleControl)) Add(field, new("不能包含控制字符或双向文本控制字符", "no control or bidirectional-control characters"));
        return text?.Trim() ?? "";
    }

    /// <summary>Unicode category Cc, and the bidirectional controls: embeddings and overrides, isolates, marks.</summary>
    public static bool IsInvisibleControl(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public string Phone(string field, string? text)
    {
        if (text is null || !PhonePattern().IsMatch(text)) Add(field, new("请填写手机号：6 到 15 位数字，可以 + 开头", "a phone number: 6 to 15 digits, optionally after +"));
        return text ?? "";
    }

    public static readonly Bilingual RequiredText = new("必填", "required");

    public static readonly Bilingual UnknownAccount = new("没有这个账户", "no account has this id");

    public static Bilingual AtMostCharacters(int lengthMax) => new($"不能超过 {lengthMax} 个字符", $"at most {lengthMax} characters");

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhonePattern();
}
