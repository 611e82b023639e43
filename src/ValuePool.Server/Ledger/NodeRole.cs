namespace ValuePool.Server.Ledger;

/// <summary>What a node does with the journal: sequences it, or follows it (PostgreSQL, several nodes).</summary>
public enum NodeRole
{
    Leader,
    Follower,
}
