namespace ValuePool.Server.Hosting;

/// <summary>
/// Whether this node sequences the journal: the one gate every piece of scheduled work consults (due orders,
/// settlements, webhooks, payouts, reconciliation), so it runs on the leader only and resumes on whichever node leads
/// next. A node that loses the leadership stops (<see cref="Ledger.LedgerGateway"/>), so once a node leads it leads
/// until it ends. A single node on SQLite leads from its start.
/// </summary>
public sealed class LeadershipGate
{
    private readonly TaskCompletionSource _leads = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLeader => _leads.Task.IsCompleted;

    /// <summary>Completes when this node leads (at once if it does).</summary>
    public Task WhenLeaderAsync(CancellationToken cancel) => _leads.Task.WaitAsync(cancel);

    /// <summary>This node sequences the journal from now on.</summary>
    public void Lead() => _leads.TrySetResult();
}
