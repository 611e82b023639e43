using Microsoft.Extensions.Options;
using ValuePool.Server.Payments.Reconciliation;
using ValuePool.Server.Withdrawals;

namespace ValuePool.Server.Hosting;

/// <summary>
/// The payment provider's periodic jobs, apart from <see cref="DueWork"/>, on the leader only like it:
/// transfers in flight are asked about (a failed one returns its money), and each closed day is reconciled once against the
/// provider's bill. Each job is idempotent; tests call <see cref="RunOnceAsync"/> after moving the clock.
/// </summary>
public sealed class PaymentDueWork(Payouts payouts, DailyReconciliation reconciliation, TimeProvider time, LeadershipGate leadership,
    IOptions<ServerOptions> options, ILogger<PaymentDueWork> log) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken cancel = default)
    {
        await payouts.PollAsync(cancel);
        await reconciliation.RunDueAsync(cancel);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        LeaderOnlyLoop.RunAsync(leadership, options.Value.DueCheckSeconds, time, RunOnceAsync, log, stoppingToken);
}
