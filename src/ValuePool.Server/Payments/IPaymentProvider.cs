using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>
/// A payment provider: it charges the payer and notifies. The server trusts a notification only when <see cref="Verify"/>
/// accepts its signature (and, for a real provider, its merchant), or the answer to its own signed <see cref="QueryAsync"/>.
/// A payment id names one payment (the provider's merchant order number, <c>out_trade_no</c>): the server asks for each at
/// most once (<see cref="Orders.OrderPayment"/>), and asking again under the same number is the same payment at the provider.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>
    /// True for a provider that confirms while the payer waits (the simulated one): payments are then made in one step. A real
    /// provider confirms only by a later notification, so the server pays through it in two steps (orders, platform payments).
    /// </summary>
    bool ConfirmsWhilePayerWaits { get; }

    /// <summary>Asks the provider to charge; its answer is the callback (simulated) or what the payer does next (a real provider).</summary>
    Task<ChargeStart> StartAsync(ChargeRequest request, CancellationToken cancel = default);

    /// <summary>
    /// A payment confirmed while the payer waits (an in-store QR payment, a fee): confirming the same payment again yields the
    /// same signed confirmation, so a retry is the same payment. Only where <see cref="ConfirmsWhilePayerWaits"/>.
    /// </summary>
    SignedCallback Confirm(string paymentId, string orderId, Money amount);

    /// <summary>The notice in a notification, or null (with the reason) when its signature, body or merchant is bad.</summary>
    ProviderNotice? Verify(ProviderCallback callback, out CallbackOutcome failure);

    /// <summary>The provider's word on a payment, verified like a notification.</summary>
    Task<PaymentQuery> QueryAsync(string paymentId, string orderId, CancellationToken cancel = default);

    /// <summary>Closes an unpaid payment so the payer can no longer pay it; false when the provider refused or did not answer.</summary>
    Task<bool> CloseAsync(string paymentId, CancellationToken cancel = default);

    /// <summary>Asks the provider to refund (part of) a payment; a refund notification or a later query finishes a pending one.</summary>
    Task<RefundStart> RefundAsync(RefundRequest request, CancellationToken cancel = default);

    /// <summary>Pays an approved withdrawal to the payee's account at the provider (WeChat 零钱, an Alipay account).</summary>
    Task<TransferState> TransferAsync(TransferRequest request, CancellationToken cancel = default);

    /// <summary>How a transfer ended, by its merchant number; <c>Processing</c> while the provider has not said.</summary>
    Task<TransferState> QueryTransferAsync(string transferId, CancellationToken cancel = default);

    /// <summary>The provider's bill (对账单) of the payments and refunds of <paramref name="day"/>, a day in China Standard Time.</summary>
    Task<Reconciliation.ProviderBill> DownloadBillAsync(DateOnly day, CancellationToken cancel = default);
}
