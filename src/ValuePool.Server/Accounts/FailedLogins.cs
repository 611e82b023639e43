using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Failed logins, on top of the attempts per client address (<see cref="AccountsApi.LoginRateLimit"/>). The lockout is per
/// phone number <em>and</em> client: after <see cref="ServerOptions.LoginFailuresPerPhoneAndClient"/> failures in
/// <see cref="Window"/>, that client's logins to that number are refused until the window ends, the right password
/// included, while the owner signing in from elsewhere is not held back by a stranger's guesses. Guessing one number
/// from many clients meets the looser <see cref="ServerOptions.LoginFailuresPerPhone"/>: past it, every client that
/// failed on the number is refused, and the others are only slowed by <see cref="Pause"/>, never refused. Only failures
/// count, so a member logging in often is never held.
/// </summary>
public sealed class FailedLogins(IOptions<ServerOptions> options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private readonly int _perPhoneAndClient = options.Value.LoginFailuresPerPhoneAndClient;
    private readonly PartitionedRateLimiter<string> _byPhoneAndClient = Limiter(options.Value.LoginFailuresPerPhoneAndClient);
    private readonly PartitionedRateLimiter<string> _byPhone = Limiter(options.Value.LoginFailuresPerPhone);

    /// <summary>Whether <paramref name="client"/> may try a password for <paramref name="phone"/> now.</summary>
    public LoginVerdict Check(string phone, string client)
    {
        var key = Key(phone, client);
        // Asking for no permit only tells whether the window has any left.
        using (var own = _byPhoneAndClient.AttemptAcquire(key, permitCount: 0))
            if (!own.IsAcquired) return LoginVerdict.Refused(RetryAfter(own));
        using var all = _byPhone.AttemptAcquire(phone, permitCount: 0);
        if (all.IsAcquired) return LoginVerdict.Try;
        return HasFailed(key) ? LoginVerdict.Refused(RetryAfter(all)) : LoginVerdict.AfterPause;
    }

    public void Failed(string phone, string client)
    {
        _byPhoneAndClient.AttemptAcquire(Key(phone, client)).Dispose();
        _byPhone.AttemptAcquire(phone).Dispose();
    }

    public void Dispose()
    {
        _byPhoneAndClient.Dispose();
        _byPhone.Dispose();
    }

    private bool HasFailed(string key) => _byPhoneAndClient.GetStatistics(key)?.CurrentAvailablePermits < _perPhoneAndClient;

    /// <summary>A phone number holds no NUL (FieldErrors.Phone checked it), so the pair's key is unambiguous.</summary>
    private static string Key(string phone, string client) => phone + "\0" + client;

    private static TimeSpan RetryAfter(RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;

    private static PartitionedRateLimiter<string> Limiter(int failuresMax) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = failuresMax, Window = Window }));
}
