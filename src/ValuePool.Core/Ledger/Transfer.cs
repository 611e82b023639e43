namespace ValuePool.Core.Ledger;

/// <summary>
/// One posting pair: <paramref name="Amount"/> minor units leave <paramref name="From"/> and enter
/// <paramref name="To"/>. A transfer balances by construction; a transaction is the transfers of one command.
/// </summary>
public readonly record struct Transfer(Account From, Account To, long Amount, TransferKind Kind)
{
    public Asset Asset => From.Asset;
}
