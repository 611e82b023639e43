using Dapper;
using ValuePool.Server.Data;

namespace ValuePool.Server.Payments;

/// <summary>The orders' payment intents (<see cref="PaymentIntent"/>), written through the single writer.</summary>
public sealed class PaymentIntents(ServerDatabase database, ServerWriter writer)
{
    private const string Columns = "order_id AS OrderId, payment_id AS PaymentId, provider AS Provider, amount_fen AS AmountFen, created_ms AS CreatedMs, " +
        "callback_body AS CallbackBody, callback_signature AS CallbackSignature, payer_action AS PayerAction";

    /// <summary>
    /// True when this call created the order's intent, false when one existed: the primary key decides, for requests of this
    /// process and of any other on the same database alike.
    /// </summary>
    public Task<bool> TryCreateAsync(PaymentIntent intent) =>
        writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO payment_intent (order_id, payment_id, provider, amount_fen, created_ms) VALUES (@OrderId, @PaymentId, @Provider, @AmountFen, @CreatedMs) " +
            "ON CONFLICT (order_id) DO NOTHING", intent, t) == 1);

    public Task<PaymentIntent?> FindAsync(string orderId) =>
        database.QuerySingleAsync<PaymentIntent>($"SELECT {Columns} FROM payment_intent WHERE order_id = @orderId", new { orderId });

    /// <summary>Keeps the provider's answer to the intent's one charge.</summary>
    public Task RecordCallbackAsync(string orderId, SignedCallback callback) =>
        writer.WriteAsync((c, t) => c.Execute(
            "UPDATE payment_intent SET callback_body = @Body, callback_signature = @Signature WHERE order_id = @orderId AND callback_body IS NULL",
            new { orderId, callback.Body, callback.Signature }, t));

    /// <summary>Keeps a real provider's answer (what the payer does next), so paying again shows the same code or page.</summary>
    public Task RecordActionAsync(string orderId, string payerAction) =>
        writer.WriteAsync((c, t) => c.Execute("UPDATE payment_intent SET payer_action = @payerAction WHERE order_id = @orderId AND payer_action IS NULL",
            new { orderId, payerAction }, t));
}
