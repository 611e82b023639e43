namespace ValuePool.Server.Ledger;

/// <summary>Where the leader takes writes, and the token that tells it a forwarded write comes from another node.</summary>
public sealed record LeaderContact(string Address, string PeerToken);
