using Microsoft.Extensions.Options;
using ValuePool.Server.Orders;
using ValuePool.Server.Settlements;
using ValuePool.Server.Webhooks;

namespace ValuePool.Server.Hosting;

/// <summary>
/// The periodic jobs, on the injected clock: shipped orders past their after-sales window complete,
/// closed days settle, webhooks are (re)delivered. Each job is idempotent, so a run that overlaps a
/// crash or a restart does no harm; tests call <see cref="RunOnceAsync"/> after moving the clock.
/// The jobs run on the leader only (<see cref="LeadershipGate"/>): a follower waits until it leads.
/// </summary>
public sealed class DueWork(OrderCompletion orders, SettlementRunner settlements, WebhookDispatcher webhooks, TimeProvider time,
    LeadershipGate leadership, IOptions<ServerOptions> options, ILogger<DueWork> log) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken cancel = default)
    {
        await orders.CompleteDueAsync();
        await settlements.RunDueAsync();
        await webhooks.DeliverDueAsync(cancel);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        LeaderOnlyLoop.RunAsync(leadership, options.Value.DueCheckSeconds, time, RunOnceAsync, log, stoppingToken);
}
