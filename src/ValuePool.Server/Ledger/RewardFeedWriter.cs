using ValuePool.Server.Data;

namespace ValuePool.Server.Ledger;

/// <summary>Drains the reward feed into the server's tables, off the sequencer's thread.</summary>
public sealed class RewardFeedWriter(RewardFeed feed, ServerWriter writer, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var credits in feed.Durable.ReadAllAsync(stoppingToken))
            {
                var nowMs = UnixTime.Ms(time.GetUtcNow());
                await writer.WriteAsync((c, t) =>
                {
                    foreach (var credit in credits) RewardFeed.Record(c, t, credit, nowMs);
                    return credits.Count;
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
