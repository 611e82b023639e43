namespace ValuePool.Server.Hosting;

/// <summary>
/// The loop of the scheduled jobs: once this node leads (<see cref="LeadershipGate"/>; a follower waits), run every
/// <paramref name="everySeconds"/> until the host stops, logging a failed run and trying again at the next tick.
/// </summary>
internal static class LeaderOnlyLoop
{
    public static async Task RunAsync(LeadershipGate leadership, int everySeconds, TimeProvider time, Func<CancellationToken, Task> run,
        ILogger log, CancellationToken stoppingToken)
    {
        if (everySeconds == 0) return;
        try { await leadership.WhenLeaderAsync(stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(everySeconds), time);
        do
        {
            try { await run(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Scheduled work failed; retrying at the next tick"); }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>The next tick, or false once the host stops.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
