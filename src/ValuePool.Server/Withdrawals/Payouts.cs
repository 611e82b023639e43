using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Withdrawals;

/// <summary>
/// Paying approved withdrawals (MODEL.md §6): once finance approved one (the engine booked it paid, less the fee), its amount
/// less the fee goes to the payee's account at the provider, or finance records that it was paid by hand with the bank's
/// reference. A transfer the provider reports failed returns the whole amount (<see cref="ReturnFailedPayout"/>, under
/// <c>withdrawal:{id}:return</c>, so it is returned once however often the failure is seen). Each state is a conditional
/// update through the single writer, so a transfer and a payment by hand cannot both happen.
/// </summary>
public sealed class Payouts(ServerDatabase database, ServerWriter writer, LedgerGateway ledger, IPaymentProvider provider, TimeProvider time,
    ILogger<Payouts> log)
{
    private const string Columns = "withdrawal_id AS WithdrawalId, payee_account AS PayeeAccount, payee_name AS PayeeName, provider AS Provider, " +
        "transfer_id AS TransferId, status AS Status, failure AS Failure, bank_reference AS BankReference, paid_by AS PaidBy, created_ms AS CreatedMs, " +
        "finished_ms AS FinishedMs";

    /// <summary>Keeps the payee's account given with a request (a retry keeps the first).</summary>
    public Task RecordPayeeAsync(string withdrawalId, string account, string? name) =>
        writer.WriteAsync((c, t) => c.Execute("INSERT INTO payout (withdrawal_id, payee_account, payee_name, status, created_ms) " +
            "VALUES (@withdrawalId, @account, @name, @status, @nowMs) ON CONFLICT DO NOTHING",
            new { withdrawalId, account, name, status = PayoutStatus.Awaiting, nowMs = UnixTime.Ms(time.GetUtcNow()) }, t));

    public Task<Payout?> FindAsync(string withdrawalId) =>
        database.QuerySingleAsync<Payout>($"SELECT {Columns} FROM payout WHERE withdrawal_id = @withdrawalId", new { withdrawalId });

    public async Task<IReadOnlyDictionary<string, Payout>> OfAsync(IReadOnlyCollection<string> withdrawalIds) =>
        withdrawalIds.Count == 0 ? new Dictionary<string, Payout>()
            : (await database.QueryAsync<Payout>($"SELECT {Columns} FROM payout WHERE withdrawal_id IN @withdrawalIds", new { withdrawalIds })).ToDictionary(p => p.WithdrawalId);

    /// <summary>The merchant's number for the transfer: the withdrawal's id in letters and digits only, as WeChat Pay's batch numbers must be.</summary>
    public static string TransferIdOf(string withdrawalId) => new(withdrawalId.Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>After approval: a withdrawal with a payee account on file is transferred through the provider; the others wait to be paid by hand.</summary>
    public async Task<Payout?> TransferAsync(Withdrawal withdrawal)
    {
        if (withdrawal.Status != WithdrawalStatus.Paid) return await FindAsync(withdrawal.Id);
        var transferId = TransferIdOf(withdrawal.Id);
        var claimed = await writer.WriteAsync((c, t) => c.Execute(
            "UPDATE payout SET status = @transferring, provider = @Name, transfer_id = @transferId WHERE withdrawal_id = @Id AND status = @awaiting",
            new { transferring = PayoutStatus.Transferring, provider.Name, transferId, withdrawal.Id, awaiting = PayoutStatus.Awaiting }, t) == 1);
        var payout = await FindAsync(withdrawal.Id);
        if (!claimed || payout is null) return payout;
        var state = await provider.TransferAsync(new TransferRequest(transferId, withdrawal.Amount - withdrawal.Fee, payout.PayeeAccount!, payout.PayeeName,
            withdrawal.Store is null ? "ValuePool 提现" : "ValuePool 门店结算"));
        return await FinishAsync(withdrawal.Id, state);
    }

    /// <summary>Asks the provider about every transfer still in flight; returns how many ended.</summary>
    public async Task<int> PollAsync(CancellationToken cancel = default)
    {
        var open = await database.QueryAsync<Payout>($"SELECT {Columns} FROM payout WHERE status = @status", new { status = PayoutStatus.Transferring });
        var ended = 0;
        foreach (var payout in open)
        {
            if (payout.Provider != provider.Name) continue;
            var state = await provider.QueryTransferAsync(payout.TransferId!, cancel);
            if (state.Progress != TransferProgress.Processing && (await FinishAsync(payout.WithdrawalId, state))?.Status != PayoutStatus.Transferring) ended++;
        }
        return ended;
    }

    private async Task<Payout?> FinishAsync(string withdrawalId, TransferState state)
    {
        if (state.Progress == TransferProgress.Processing) return await FindAsync(withdrawalId);
        if (state.Progress == TransferProgress.Failed)
        {
            // The money goes back before the row says failed: a stop in between leaves it transferring, and the next poll returns it (once, by key).
            var receipt = await ledger.SubmitAsync(LedgerKeys.PayoutReturn(withdrawalId), new ReturnFailedPayout(withdrawalId, time.GetUtcNow()));
            if (receipt.Status == SubmitStatus.KeyConflict || (receipt.Status == SubmitStatus.Applied && !receipt.Result.IsAccepted()))
                log.LogError("Payout {Withdrawal} failed at the provider but its money could not be returned: {Status} {Result}", withdrawalId, receipt.Status, receipt.Result);
            else
            {
                log.LogWarning("Payout {Withdrawal} failed at the provider ({Failure}); its money went back", withdrawalId, state.Failure);
                if (receipt.Status == SubmitStatus.Applied && await ledger.ReadAsync(engine => engine.FindWithdrawal(withdrawalId)) is { } returned)
                    await WithdrawalsApi.PublishAsync(returned, writer, time);
            }
        }
        var status = state.Progress == TransferProgress.Succeeded ? PayoutStatus.Transferred : PayoutStatus.Failed;
        await writer.WriteAsync((c, t) => c.Execute(
            "UPDATE payout SET status = @status, failure = @Failure, finished_ms = @nowMs WHERE withdrawal_id = @withdrawalId AND status = @transferring",
            new { status, state.Failure, nowMs = UnixTime.Ms(time.GetUtcNow()), withdrawalId, transferring = PayoutStatus.Transferring }, t));
        return await FindAsync(withdrawalId);
    }

    /// <summary>
    /// Finance paid an approved withdrawal outside the provider: recorded with the bank's reference, unless a transfer is in flight
    /// or done (false). A payout never asked of the provider (no payee account, or still awaiting) may be paid so.
    /// </summary>
    public Task<bool> MarkPaidByHandAsync(string withdrawalId, string bankReference, string financeUserId) =>
        writer.WriteAsync((c, t) =>
        {
            var row = new
            {
                withdrawalId, bankReference, financeUserId, status = PayoutStatus.PaidByHand, awaiting = PayoutStatus.Awaiting, nowMs = UnixTime.Ms(time.GetUtcNow()),
            };
            if (c.Execute("UPDATE payout SET status = @status, bank_reference = @bankReference, paid_by = @financeUserId, finished_ms = @nowMs " +
                    "WHERE withdrawal_id = @withdrawalId AND status = @awaiting", row, t) == 1) return true;
            return c.Execute("INSERT INTO payout (withdrawal_id, status, bank_reference, paid_by, created_ms, finished_ms) " +
                "VALUES (@withdrawalId, @status, @bankReference, @financeUserId, @nowMs, @nowMs) ON CONFLICT DO NOTHING", row, t) == 1;
        });
}
