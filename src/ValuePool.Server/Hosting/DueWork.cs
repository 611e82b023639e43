using Microsoft.Extensions.Options;
using ValuePool.Server.Orders;
using ValuePool.Server.Settlements;
using ValuePool.Server.Webhooks;

namespace ValuePool.Server.Hosting;

/// <summary>
/// The periodic jobs, on the injected clock: shipped orders past their after-sales window complete,
/// closed days settle, webhooks are (re)delivered. Each job is idempotent, so a run that overlaps a
/// crash or a restart does no harm; tests call <see cref="RunOnceAsync"/> after moving the clock.
/// </summary>
public sealed class DueWork(OrderCompletion orders, SettlementRunner settlements, WebhookDispatcher webhooks, TimeProvider time,
    IOptions<ServerOptions> options, ILogger<DueWork> log) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken cancel = default)
    {
        await orders.CompleteDueAsync();
        await settlements.RunDueAsync();
        await webhooks.DeliverDueAsync(cancel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DueCheckSeconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DueCheckSeconds), time);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Due work failed; retrying at the next tick"); }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>The next tick, or false once the host stops.</summary>
    internal static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
