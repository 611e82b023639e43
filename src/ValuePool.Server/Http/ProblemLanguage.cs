using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ValuePool.Server.Http;

public enum Language { Chinese, English }

/// <summary>
/// The language of the problem details answered to a request, chosen once per request from <c>Accept-Language</c>:
/// English when, among Chinese and English, the client prefers English (<c>en</c>, <c>en-US;q=0.9</c>…, q-values
/// honoured); Simplified Chinese otherwise, and when the header is absent or names neither. It flows with the request
/// like <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, which the server cannot use itself: it runs
/// with invariant globalization, where no zh-CN culture exists.
/// </summary>
public static class ProblemLanguage
{
    private static readonly AsyncLocal<Language> CurrentValue = new();

    /// <summary>The language of the request being answered; Chinese outside a request.</summary>
    public static Language Current => CurrentValue.Value;

    /// <summary>The <c>Content-Language</c> of a problem in <paramref name="language"/>.</summary>
    public static string Tag(Language language) => language == Language.English ? "en" : "zh-CN";

    public static Language Of(StringValues acceptLanguage)
    {
        if (StringValues.IsNullOrEmpty(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var ranges)) return Language.Chinese;
        // OrderByDescending is stable: among equal q-values the client's order decides.
        foreach (var range in ranges.Where(range => (range.Quality ?? 1) > 0).OrderByDescending(range => range.Quality ?? 1))
        {
            var tag = range.Value.AsSpan();
            if (Names(tag, "en")) return Language.English;
            if (Names(tag, "zh")) return Language.Chinese;
        }
        return Language.Chinese;
    }

    /// <summary>Sets the language for the rest of the request, from its <c>Accept-Language</c>.</summary>
    public static IApplicationBuilder UseProblemLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // An async lambda: the value set here flows into the request's pipeline and never back out to the server's loop.
        var language = Of(context.Request.Headers.AcceptLanguage);
        if (language != CurrentValue.Value) CurrentValue.Value = language;
        await next(context);
    });

    private static bool Names(ReadOnlySpan<char> tag, string primary) =>
        tag.StartsWith(primary, StringComparison.OrdinalIgnoreCase) && (tag.Length == primary.Length || tag[primary.Length] == '-');
}
