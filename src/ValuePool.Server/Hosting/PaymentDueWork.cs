using Microsoft.Extensions.Options;
using ValuePool.Server.Payments.Reconciliation;
using ValuePool.Server.Withdrawals;

namespace ValuePool.Server.Hosting;

/// <summary>
/// The payment provider's periodic jobs, apart from <see cref="DueWork"/> so that one node alone can be made to run them:
/// transfers in flight are asked about (a failed one returns its money), and each closed day is reconciled once against the
/// provider's bill. Each job is idempotent; tests call <see cref="RunOnceAsync"/> after moving the clock.
/// </summary>
public sealed class PaymentDueWork(Payouts payouts, DailyReconciliation reconciliation, TimeProvider time, IOptions<ServerOptions> options,
    ILogger<PaymentDueWork> log) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken cancel = default)
    {
        await payouts.PollAsync(cancel);
        await reconciliation.RunDueAsync(cancel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DueCheckSeconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DueCheckSeconds), time);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Payment due work failed; retrying at the next tick"); }
        }
        while (await DueWork.WaitAsync(timer, stoppingToken));
    }

}
