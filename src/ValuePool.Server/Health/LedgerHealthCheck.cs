using Microsoft.Extensions.Diagnostics.HealthChecks;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Health;

/// <summary>Healthy when the sequencer answers a read: it is running and not stopped by a failure.</summary>
public sealed class LedgerHealthCheck(LedgerGateway ledger) : IHealthCheck
{
    private static readonly TimeSpan AnswerTimeMax = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var orders = await ledger.ReadAsync(engine => engine.Orders).WaitAsync(AnswerTimeMax, cancellationToken);
            return HealthCheckResult.Healthy($"{orders} orders in the ledger");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the ledger's sequencer does not answer", e);
        }
    }
}
