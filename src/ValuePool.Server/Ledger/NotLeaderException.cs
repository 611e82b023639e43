namespace ValuePool.Server.Ledger;

/// <summary>A command was submitted on a follower: only the leader sequences (HTTP writes are forwarded to it before this).</summary>
public sealed class NotLeaderException()
    : InvalidOperationException("this node follows the journal and does not sequence it: send the command to the leader");
