using System.Net;
using System.Text.Json;

namespace ValuePool.Server.Tests;

/// <summary>Assertions on RFC 7807 answers: the status, the stable code, and field-level messages.</summary>
public static class Problems
{
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        if (code is not null) Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task AssertFieldError(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "ValidationFailed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.NotEqual(0, messages.GetArrayLength());
    }

    /// <summary>The problem in Simplified Chinese, the default: its title, detail and every field message, and <c>Content-Language: zh-CN</c>.</summary>
    public static Task<JsonElement> AssertChinese(this HttpResponseMessage response, HttpStatusCode status, string code) =>
        response.AssertLanguage(status, code, "zh-CN", chinese: true);

    /// <summary>The problem in English, as asked with <c>Accept-Language: en</c>: no Chinese in it, and <c>Content-Language: en</c>.</summary>
    public static Task<JsonElement> AssertEnglish(this HttpResponseMessage response, HttpStatusCode status, string code) =>
        response.AssertLanguage(status, code, "en", chinese: false);

    private static async Task<JsonElement> AssertLanguage(this HttpResponseMessage response, HttpStatusCode status, string code, string tag, bool chinese)
    {
        var problem = await response.AssertProblem(status, code);
        Assert.Equal([tag], response.Content.Headers.ContentLanguage);
        // A validation problem has no detail: its words are its field messages.
        var texts = new List<string> { problem.Text("title") };
        if (problem.TryGetProperty("detail", out var detail)) texts.Add(detail.GetString()!);
        if (problem.TryGetProperty("errors", out var errors))
            texts.AddRange(errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray()).Select(message => message.GetString()!));
        else Assert.True(detail.ValueKind == JsonValueKind.String, $"no detail: {problem}");
        foreach (var text in texts)
            Assert.True(text.Any(IsChinese) == chinese, $"expected {(chinese ? "Chinese" : "English")}: \"{text}\" in {problem}");
        return problem;
    }

    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
