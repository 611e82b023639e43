using System.Text.Json;
using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using Payer = ValuePool.Server.Orders.OrderPayment.Payer;
using OrderPayment = ValuePool.Server.Orders.OrderPayment;
using ValuePool.Storage.Codec;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Payments;

/// <summary>
/// A command paid for (MODEL.md §8: agent regions, store shares, deposits, membership cards and the cash of shopping-point purchases
/// are granted only once their money is collected).
/// With a provider that confirms while the payer waits (the simulated one) the command is submitted at once, under
/// <c>payment:{id}:apply</c>, carrying the payment's row into its journal transaction. With a real provider the request only
/// starts the provider's transaction (one payment intent per payment, like an order's) and answers what the payer does next;
/// the command waits in the row until a verified notification or the provider's signed answer to a query says the payer paid
/// (<see cref="PlatformPaymentNotices"/>). If the engine refuses it after the money was collected, the row is kept as
/// <c>refundDue</c>: visible to the payer and to finance, never silently lost.
/// </summary>
public sealed class PlatformPayments(LedgerGateway ledger, ServerDatabase database, ServerWriter writer, IPaymentProvider provider, PaymentIntents intents,
    PaymentCallbacks callbacks, PlatformGrantRows grantRows, TimeProvider time)
{
    public const string Columns = "id AS Id, payer_id AS PayerId, purpose AS Purpose, subject AS Subject, amount_fen AS AmountFen, payment_id AS PaymentId, " +
        "status AS Status, refusal AS Refusal, created_ms AS CreatedMs, grant_command AS GrantCommand";
    private const string Insert = "INSERT INTO platform_payment (id, payer_id, purpose, subject, amount_fen, payment_id, status, refusal, created_ms, grant_command) " +
        "VALUES (@Id, @PayerId, @Purpose, @Subject, @AmountFen, @PaymentId, @Status, @Refusal, @CreatedMs, @GrantCommand) ON CONFLICT DO NOTHING";

    /// <summary>
    /// <paramref name="Receipt"/> is the grant's while the payer waited (null when a real provider's payment was started, or found
    /// settled by an earlier request). <paramref name="Action"/> is what the payer does next while <c>awaitingPayment</c>;
    /// <paramref name="ProviderFailure"/> is set when the provider refused or did not answer (nothing charged, asking again retries).
    /// <paramref name="Payment"/> is null only for an idempotency key used before for another request.
    /// </summary>
    public sealed record Outcome(Receipt? Receipt, PlatformPayment? Payment, PayerAction? Action = null, string? ProviderFailure = null);

    /// <summary>
    /// Pays <paramref name="amount"/> from <paramref name="payerId"/> for <paramref name="command"/> (stamped with the payment's time)
    /// through <paramref name="payer"/>'s channel. The payment's id follows from <paramref name="scopedIdempotencyKey"/>, so a retry is
    /// the same payment, answered again identically, and moves nothing twice.
    /// </summary>
    public async Task<Outcome> PayThenApplyAsync(string? scopedIdempotencyKey, string payerId, PaymentPurpose purpose, string subject, Money amount,
        Func<DateTimeOffset, Command> command, Payer payer)
    {
        var now = time.GetUtcNow();
        var id = scopedIdempotencyKey is null ? Ids.TimeOrdered(PlatformPaymentNotices.IdPrefix, now) : Ids.FromKey(PlatformPaymentNotices.IdPrefix, scopedIdempotencyKey);
        var payment = new PlatformPayment
        {
            Id = id, PayerId = payerId, Purpose = purpose.Text(), Subject = subject, AmountFen = amount.Fen, PaymentId = "pay_" + id,
            Status = PlatformPaymentStatus.Applied, CreatedMs = UnixTime.Ms(now),
        };
        return provider.ConfirmsWhilePayerWaits ? await ApplyWhilePayerWaitsAsync(payment, command(now)) : await StartAsync(payment, command(now), payer);
    }

    private async Task<Outcome> ApplyWhilePayerWaitsAsync(PlatformPayment payment, Command command)
    {
        provider.ConfirmVerified(payment.PaymentId, payment.Id, new Money(payment.AmountFen));
        var rows = grantRows.Of(payment, command);
        var receipt = await ledger.SubmitAsync(PlatformPaymentNotices.PaymentKey(payment.Id), command, (c, t) =>
        {
            c.Execute(Insert, payment, t);
            rows?.Invoke(c, t);
        });
        // A refusal after the money was collected: recorded as due back (idempotently, so a retry of the refusal records it once).
        if (receipt.Status != SubmitStatus.KeyConflict && !receipt.Result.IsAccepted())
        {
            var refused = payment with { Status = PlatformPaymentStatus.RefundDue, Refusal = receipt.Result.ToString() };
            await writer.WriteAsync((c, t) => c.Execute(Insert, refused, t));
        }
        return new Outcome(receipt, await FindAsync(payment.Id));
    }

    /// <summary>
    /// The request whose insert creates the payment's intent asks the provider to charge; a retry finds it and, while it awaits
    /// the payer, asks the provider whether the payer paid, then answers the same action (or charges again under the same merchant
    /// order number when the first charge failed), as <see cref="OrderPayment"/> does for an order.
    /// </summary>
    private async Task<Outcome> StartAsync(PlatformPayment payment, Command command, Payer payer)
    {
        var awaiting = payment with { Status = PlatformPaymentStatus.AwaitingPayment, GrantCommand = Convert.ToBase64String(CommandCodec.Encode(command)) };
        await writer.WriteAsync((c, t) => c.Execute(Insert, awaiting, t));
        var intent = new PaymentIntent
        {
            OrderId = payment.Id, PaymentId = payment.PaymentId, Provider = provider.Name, AmountFen = payment.AmountFen, CreatedMs = payment.CreatedMs,
        };
        var created = await intents.TryCreateAsync(intent);
        var current = await FindAsync(payment.Id);
        // Another request under the key (another purchase, payer, subject or amount) made this payment: not this request's.
        if (current is null || current.PayerId != payment.PayerId || current.AmountFen != payment.AmountFen || current.Purpose != payment.Purpose ||
            current.Subject != payment.Subject)
            return new Outcome(null, null);
        if (created) return await ChargeAsync(current, payer);
        if (current.Status != PlatformPaymentStatus.AwaitingPayment) return new Outcome(null, current);
        var existing = await intents.FindAsync(payment.Id);
        var refreshed = await RefreshAsync(current);
        if (refreshed.Status != PlatformPaymentStatus.AwaitingPayment) return new Outcome(null, refreshed, existing?.Action);
        return existing?.Action is { } action ? new Outcome(null, refreshed, action) : await ChargeAsync(refreshed, payer);
    }

    private async Task<Outcome> ChargeAsync(PlatformPayment payment, Payer payer)
    {
        var request = new ChargeRequest(payment.PaymentId, payment.Id, new Money(payment.AmountFen), $"ValuePool {payment.Purpose} {payment.Id}", payer.Channel,
            payer.AppUserId, payer.Ip);
        var started = await provider.StartAsync(request);
        if (started.Action is not { } action) return new Outcome(null, payment, null, started.Failure ?? "failed");
        await intents.RecordActionAsync(payment.Id, JsonSerializer.Serialize(action, JsonSerializerOptions.Web));
        return new Outcome(null, payment, action);
    }

    /// <summary>
    /// A payment awaiting the payer, brought up to date with the provider's signed answer to a query (applied through the same
    /// notification handling, so a later notification of it is a duplicate); any other payment as it is.
    /// </summary>
    public async Task<PlatformPayment> RefreshAsync(PlatformPayment payment)
    {
        if (payment.Status != PlatformPaymentStatus.AwaitingPayment || provider.ConfirmsWhilePayerWaits) return payment;
        var query = await provider.QueryAsync(payment.PaymentId, payment.Id);
        if (query.Paid is not { } paid) return payment;
        await callbacks.ApplyAsync(paid);
        return (await FindAsync(payment.Id))!;
    }

    /// <summary>What the payer does next for a payment awaiting them (the QR code, the page), as the provider first answered.</summary>
    public async Task<PayerAction?> ActionOfAsync(PlatformPayment payment) =>
        payment.Status == PlatformPaymentStatus.AwaitingPayment ? (await intents.FindAsync(payment.Id))?.Action : null;

    /// <summary>The payment a request under this key made before, if any: a retry, which must not be refused by checks its first attempt changed.</summary>
    public Task<PlatformPayment?> FindRetryAsync(string scopedIdempotencyKey) => FindAsync(Ids.FromKey(PlatformPaymentNotices.IdPrefix, scopedIdempotencyKey));

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
