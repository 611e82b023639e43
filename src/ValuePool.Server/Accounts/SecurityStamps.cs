using System.Collections.Concurrent;
using System.Security.Cryptography;
using ValuePool.Server.Data;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Each user's security stamp (<c>app_user.security_stamp</c>), which every token carries in <see cref="Claim"/>: a token
/// is accepted only while its stamp is the user's current one, checked on every request after the signature (and after
/// <see cref="ValidatedTokenCache"/>, so a cached token is refused the moment the stamp changes). An admin's role change,
/// a password change and "sign out everywhere" give the user a new stamp. The stamps are kept in memory, written here by
/// <see cref="UserStore"/> in the same writer change that stores them, so this process refuses old tokens at once;
/// another process on the same database sees the change once it reads the stamp again, within <see cref="RereadAfter"/>.
/// </summary>
public sealed class SecurityStamps(ServerDatabase database, TimeProvider time)
{
    public const string Claim = "stamp";
    public const int EntriesMax = 1_000_000;
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(30);

    private sealed record Known(string? Stamp, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True while <paramref name="stamp"/> (a token's) is <paramref name="userId"/>'s current stamp.</summary>
    public async ValueTask<bool> IsCurrentAsync(string userId, string stamp)
    {
        var now = time.GetUtcNow();
        if (!_known.TryGetValue(userId, out var known) || now - known.ReadAt >= RereadAfter)
        {
            var stored = await database.QuerySingleAsync<string>("SELECT security_stamp FROM app_user WHERE id = @userId", new { userId });
            if (_known.Count >= EntriesMax) _known.Clear();
            known = _known[userId] = new Known(stored, now);
        }
        // A plain comparison: the stamp arrives inside a signed token, so nobody can probe it byte by byte.
        return known.Stamp is not null && known.Stamp == stamp;
    }

    /// <summary>Called by the writer change that stores <paramref name="stamp"/>, so the map follows the table in write order.</summary>
    public void Changed(string userId, string stamp) => _known[userId] = new Known(stamp, time.GetUtcNow());
}
