using System.Globalization;

namespace ValuePool.Server.Http;

/// <summary>Days leave the API as ISO dates ("2025-03-01"), whatever the server's culture.</summary>
public static class DayText
{
    public static string Text(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
