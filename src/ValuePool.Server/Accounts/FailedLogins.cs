using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Failed logins per phone number, on top of the attempts per client address (<see cref="AccountsApi.LoginRateLimit"/>):
/// guessing one account's password from many addresses is held back too. After
/// <see cref="ServerOptions.LoginFailuresPerPhone"/> failures in <see cref="Window"/>, that number's logins are refused
/// until the window ends, the right password included. Only failures count, so a member logging in often is never held.
/// </summary>
public sealed class FailedLogins(IOptions<ServerOptions> options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _byPhone = PartitionedRateLimiter.Create<string, string>(phone =>
        RateLimitPartition.GetFixedWindowLimiter(phone, _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.LoginFailuresPerPhone, Window = Window }));

    /// <summary>False while <paramref name="phone"/> has used up its failures in the current window.</summary>
    public bool MayTry(string phone)
    {
        // Asking for no permit only tells whether the window has any left.
        using var lease = _byPhone.AttemptAcquire(phone, permitCount: 0);
        return lease.IsAcquired;
    }

    public void Failed(string phone) => _byPhone.AttemptAcquire(phone).Dispose();

    public void Dispose() => _byPhone.Dispose();
}
