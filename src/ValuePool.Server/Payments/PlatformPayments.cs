using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Payments;

/// <summary>
/// A command paid for (MODEL.md §8: agent regions, store shares and deposits are granted only once their money is collected):
/// the provider confirms the payment while the payer waits, and only then is the command submitted, under
/// <c>payment:{id}:apply</c>, carrying the payment's row into its journal transaction. If the engine refuses it after the
/// money was collected, the row is kept as <c>refundDue</c>: visible to the payer and to finance, never silently lost.
/// </summary>
public sealed class PlatformPayments(LedgerGateway ledger, ServerDatabase database, ServerWriter writer, IPaymentProvider provider, TimeProvider time)
{
    private const string Columns = "id AS Id, payer_id AS PayerId, purpose AS Purpose, subject AS Subject, amount_fen AS AmountFen, payment_id AS PaymentId, " +
        "status AS Status, refusal AS Refusal, created_ms AS CreatedMs";
    private const string Insert = "INSERT INTO platform_payment (id, payer_id, purpose, subject, amount_fen, payment_id, status, refusal, created_ms) " +
        "VALUES (@Id, @PayerId, @Purpose, @Subject, @AmountFen, @PaymentId, @Status, @Refusal, @CreatedMs) ON CONFLICT DO NOTHING";

    private const string IdPrefix = "pp";

    /// <summary><paramref name="Payment"/> is null only for an idempotency key used before for another request.</summary>
    public sealed record Outcome(Receipt Receipt, PlatformPayment? Payment);

    /// <summary>The refusal when the provider cannot confirm while the payer waits (<see cref="OneStepPayment"/>).</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Unavailable() => OneStepPayment.Unavailable(provider);

    /// <summary>
    /// Collects <paramref name="amount"/> from <paramref name="payerId"/>, then applies <paramref name="command"/> (at the payment's time) with
    /// <paramref name="grantRows"/> in the same transaction. The payment's id follows from <paramref name="scopedIdempotencyKey"/>, so a
    /// retry is the same payment, confirmed again identically, and moves nothing twice.
    /// </summary>
    public async Task<Outcome> PayThenApplyAsync(string? scopedIdempotencyKey, string payerId, PaymentPurpose purpose, string subject, Money amount,
        Func<DateTimeOffset, Command> command, AlongsideRows? grantRows = null)
    {
        var now = time.GetUtcNow();
        var id = scopedIdempotencyKey is null ? Ids.TimeOrdered(IdPrefix, now) : Ids.FromKey(IdPrefix, scopedIdempotencyKey);
        var payment = new PlatformPayment
        {
            Id = id, PayerId = payerId, Purpose = purpose.Text(), Subject = subject, AmountFen = amount.Fen, PaymentId = "pay_" + id,
            Status = PlatformPaymentStatus.Applied, CreatedMs = UnixTime.Ms(now),
        };
        provider.ConfirmVerified(payment.PaymentId, payment.Id, amount);

        var receipt = await ledger.SubmitAsync(LedgerKeys.PaymentApplication(id), command(now), (c, t) =>
        {
            c.Execute(Insert, payment, t);
            grantRows?.Invoke(c, t);
        });
        // A refusal after the money was collected: recorded as due back (idempotently, so a retry of the refusal records it once).
        if (receipt.Status != SubmitStatus.KeyConflict && !receipt.Result.IsAccepted())
        {
            var refused = payment with { Status = PlatformPaymentStatus.RefundDue, Refusal = receipt.Result.ToString() };
            await writer.WriteAsync((c, t) => c.Execute(Insert, refused, t));
        }
        return new Outcome(receipt, await FindAsync(id));
    }

    /// <summary>The payment a request under this key made before, if any: a retry, which must not be refused by checks its first attempt changed.</summary>
    public Task<PlatformPayment?> FindRetryAsync(string scopedIdempotencyKey) => FindAsync(Ids.FromKey(IdPrefix, scopedIdempotencyKey));

    public Task<PlatformPayment?> FindAsync(string id) =>
        database.QuerySingleAsync<PlatformPayment>($"SELECT {Columns} FROM platform_payment WHERE id = @id", new { id });

    /// <summary>The payer's payments to the platform, newest first; every durable one (the applied rows are written with the journal).</summary>
    public Task<IReadOnlyList<PlatformPayment>> OfPayerAsync(string payerId, int countMax) =>
        database.QueryAsync<PlatformPayment>($"SELECT {Columns} FROM platform_payment WHERE payer_id = @payerId ORDER BY created_ms DESC, id LIMIT @countMax",
            new { payerId, countMax });

    public Task<IReadOnlyList<PlatformPayment>> RefundsDueAsync(int countMax) =>
        database.QueryAsync<PlatformPayment>($"SELECT {Columns} FROM platform_payment WHERE status = @status ORDER BY created_ms, id LIMIT @countMax",
            new { status = PlatformPaymentStatus.RefundDue, countMax });
}
