using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ValuePool.Core.Amounts;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Payments;

/// <summary>
/// The built-in provider: "charging" always succeeds and yields a callback signed with
/// HMAC-SHA256 over the exact body, which the server verifies like any provider's. It collects no money, so it runs
/// only where configured and never in Production (<see cref="PaymentProviderValidation"/>).
/// </summary>
public sealed class SimulatedPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "simulated";
    public const string SignatureHeader = "X-Simulated-Signature";
    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<string, PaymentNotice> _paid = new();
    private long _requests;

    public SimulatedPaymentProvider(IOptions<ServerOptions> options, ServerSettings settings)
    {
        var configured = options.Value.Payments.SimulatedSecret;
        _secret = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(configured) ? settings.SecretOrGenerate("payments.simulated_secret") : configured);
    }

    public string Name => ProviderName;

    public bool ConfirmsWhilePayerWaits => true;

    /// <summary>How many times the provider was asked to collect money (charges and confirmations), as a real provider's dashboard counts them.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>What the provider sends once the payer confirms: a fresh event id each charge, as each charge is a payment of its own.</summary>
    public SignedCallback Charge(string paymentId, string orderId, Money amount)
    {
        Interlocked.Increment(ref _requests);
        return Signed(Ids.New("evt"), paymentId, orderId, amount);
    }

    public Task<ChargeStart> StartAsync(ChargeRequest request, CancellationToken cancel = default) =>
        Task.FromResult(ChargeStart.Confirmed(Charge(request.PaymentId, request.OrderId, request.Amount)));

    /// <summary>The callback as it arrives over HTTP, its signature in <see cref="SignatureHeader"/>.</summary>
    public static ProviderCallback Delivered(SignedCallback callback) =>
        new(callback.Body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [SignatureHeader] = callback.Signature });

    /// <summary>Its event id follows from the payment id, so confirming the same payment again yields the same signed confirmation.</summary>
    public SignedCallback Confirm(string paymentId, string orderId, Money amount)
    {
        Interlocked.Increment(ref _requests);
        return Signed($"evt_{paymentId}", paymentId, orderId, amount);
    }

    private SignedCallback Signed(string eventId, string paymentId, string orderId, Money amount)
    {
        var body = JsonSerializer.Serialize(new CallbackBody(eventId, paymentId, orderId, amount.ToString(), "succeeded"), JsonSerializerOptions.Web);
        _paid[paymentId] = new PaymentNotice(eventId, paymentId, orderId, amount);
        return new SignedCallback(body, Sign(body));
    }

    /// <summary>What this process charged: the simulated provider keeps no account beyond it.</summary>
    public Task<PaymentQuery> QueryAsync(string paymentId, string orderId, CancellationToken cancel = default) =>
        Task.FromResult(_paid.TryGetValue(paymentId, out var paid) && paid.OrderId == orderId
            ? new PaymentQuery(PaymentQueryState.Paid, paid)
            : new PaymentQuery(PaymentQueryState.NotPaid, null));

    public Task<bool> CloseAsync(string paymentId, CancellationToken cancel = default) => Task.FromResult(!_paid.ContainsKey(paymentId));

    /// <summary>Refunds at once: the simulated provider collected nothing, so nothing goes back.</summary>
    public Task<RefundStart> RefundAsync(RefundRequest request, CancellationToken cancel = default) =>
        Task.FromResult(new RefundStart(RefundProgress.Succeeded));

    /// <summary>Pays out at once: the simulated provider moves no money.</summary>
    public Task<TransferState> TransferAsync(TransferRequest request, CancellationToken cancel = default) =>
        Task.FromResult(new TransferState(TransferProgress.Succeeded));

    /// <summary>The simulated provider keeps no books, so there is no bill to reconcile against.</summary>
    public Task<Reconciliation.ProviderBill> DownloadBillAsync(DateOnly day, CancellationToken cancel = default) =>
        Task.FromResult(Reconciliation.ProviderBill.Unavailable(Reconciliation.BillFailureTexts.NoBillKept));

    public Task<TransferState> QueryTransferAsync(string transferId, CancellationToken cancel = default) =>
        Task.FromResult(new TransferState(TransferProgress.Succeeded));

    public string Sign(string body) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(body)));

    public ProviderNotice? Verify(ProviderCallback callback, out CallbackOutcome failure)
    {
        var (body, signature) = (callback.Body, callback.Header(SignatureHeader));
        failure = CallbackOutcome.BadSignature;
        if (signature is null || !IsHex(signature)) return null;
        var expected = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(body));
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature))) return null;
        failure = CallbackOutcome.Malformed;
        CallbackBody? parsed;
        try { parsed = JsonSerializer.Deserialize<CallbackBody>(body, JsonSerializerOptions.Web); }
        catch (JsonException) { return null; }
        if (parsed is not { EventId: { Length: > 0 }, PaymentId: { Length: > 0 }, OrderId: { Length: > 0 }, Status: "succeeded" }
            || !AmountText.TryParseMoney(parsed.Amount, out var amount, out _)) return null;
        return new PaymentNotice(parsed.EventId, parsed.PaymentId, parsed.OrderId, amount);
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private sealed record CallbackBody(string EventId, string PaymentId, string OrderId, string Amount, string Status);
}
