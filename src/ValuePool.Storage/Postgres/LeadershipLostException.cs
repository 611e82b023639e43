namespace ValuePool.Storage.Postgres;

/// <summary>Another node took the leadership (a higher epoch): this one's write was refused and nothing of it committed.</summary>
public sealed class LeadershipLostException(long mine, long current)
    : Exception($"this node led epoch {mine}, but epoch {current} has begun: another node sequences the journal, and this write was refused")
{
    public long Epoch { get; } = mine;
    public long CurrentEpoch { get; } = current;
}
