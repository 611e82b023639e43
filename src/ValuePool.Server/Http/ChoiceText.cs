using System.Text.Json;

namespace ValuePool.Server.Http;

/// <summary>Choices (enums) leave and enter the API in lower camel case: <c>weighted</c>, <c>dailySpecial</c>.</summary>
public static class ChoiceText
{
    public static string Text<T>(this T choice) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(choice.ToString());
}
