namespace ValuePool.Server.Accounts;

/// <summary>What <see cref="FailedLogins"/> says of a login attempt: try now, try after a pause, or refused until <see cref="RetryAfter"/>.</summary>
public sealed record LoginVerdict(bool IsRefused, bool MustPause, TimeSpan RetryAfter)
{
    public static readonly LoginVerdict Try = new(false, false, TimeSpan.Zero);
    public static readonly LoginVerdict AfterPause = new(false, true, TimeSpan.Zero);

    public static LoginVerdict Refused(TimeSpan retryAfter) => new(true, false, retryAfter);
}
