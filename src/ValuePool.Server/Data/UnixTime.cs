namespace ValuePool.Server.Data;

/// <summary>Times in the server's tables are Unix milliseconds (portable across SQLite and PostgreSQL).</summary>
public static class UnixTime
{
    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
    public static DateTimeOffset? At(long? ms) => ms is { } value ? At(value) : null;
}
