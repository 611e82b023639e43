using Microsoft.Extensions.Diagnostics.HealthChecks;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Health;

/// <summary>
/// Healthy when the ledger answers a read: a leader's sequencer is running and not stopped by a failure, a follower's
/// replica follows the journal. The data say the node's role, the last entry it applied and, on a follower, how many
/// entries it knows of and has not applied yet (its lag): a follower is healthy, not degraded, since it serves reads.
/// </summary>
public sealed class LedgerHealthCheck(LedgerGateway ledger) : IHealthCheck
{
    private static readonly TimeSpan AnswerTimeMax = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["role"] = ledger.Role == NodeRole.Leader ? "leader" : "follower",
            ["sequence"] = ledger.AppliedSequence,
            ["lagEntries"] = ledger.LagEntries,
        };
        if (ledger.Epoch is { } epoch) data["epoch"] = epoch;
        try
        {
            var orders = await ledger.ReadAsync(engine => engine.Orders).WaitAsync(AnswerTimeMax, cancellationToken);
            return HealthCheckResult.Healthy($"{orders} orders in the ledger", data);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the ledger does not answer", e, data);
        }
    }
}
