using Npgsql;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Postgres;
using ValuePool.Storage.Sqlite;

namespace ValuePool.Storage;

/// <summary>
/// Opens a store from what an operator types: <c>postgres://user:password@host:port/database</c>
/// (optional <c>?search_path=schema</c>) for PostgreSQL, anything else is a SQLite file path.
/// </summary>
public static class StoreLocation
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.Ordinal) || location.StartsWith("postgresql://", StringComparison.Ordinal);

    public static IJournalStore Open(string location) =>
        IsPostgres(location) ? PostgresJournalStore.Open(PostgresConnectionString(location)) : SqliteJournalStore.Open(location);

    /// <summary>Npgsql's key=value form of a postgres:// URI; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static string PostgresConnectionString(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.AbsolutePath.Length <= 1)
            throw new FormatException($"{uri}: expected postgres://user:password@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.Port > 0 ? parsed.Port : 5432,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/')),
        };
        var userInfo = parsed.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2) builder.Password = Uri.UnescapeDataString(userInfo[1]);
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : throw new FormatException($"{uri}: bad query \"{pair}\"");
            if (key != "search_path") throw new FormatException($"{uri}: unknown option \"{key}\" (known: search_path)");
            builder.SearchPath = value;
        }
        return builder.ToString();
    }
}
