using ValuePool.Core.Amounts;
using ValuePool.Server.Http;

namespace ValuePool.Server.Payments.Alipay;

/// <summary>
/// Alipay (支付宝) through its open platform gateway, RSA2-signed: a QR code (<c>alipay.trade.precreate</c>), a mobile page
/// (<c>alipay.trade.wap.pay</c>), query, close and refund (<c>alipay.trade.query</c>, <c>.close</c>, <c>.refund</c>), and the
/// asynchronous notification, trusted only when it verifies with Alipay's public key and names this app and seller. Amounts
/// are yuan strings with two decimals, read and written exactly (fen).
/// </summary>
public sealed class AlipayProvider(AlipayClient client, ILogger<AlipayProvider> log) : IPaymentProvider
{
    public const string ProviderName = "alipay";

    public string Name => ProviderName;

    public bool ConfirmsWhilePayerWaits => false;

    /// <summary><c>body</c> carries the order id: Alipay echoes it in the notification.</summary>
    private sealed record Trade(string OutTradeNo, string TotalAmount, string Subject, string Body, string? ProductCode = null);
    private sealed record TradeNumber(string OutTradeNo);
    private sealed record Payee(string Identity, string? Name, string IdentityType = "ALIPAY_LOGON_ID");
    private sealed record Transfer(string OutBizNo, string TransAmount, string OrderTitle, Payee PayeeInfo, string ProductCode = TransferProduct,
        string BizScene = TransferScene);
    private sealed record TransferNumber(string OutBizNo, string ProductCode = TransferProduct, string BizScene = TransferScene);
    private const string TransferProduct = "TRANS_ACCOUNT_NO_PWD";
    private const string TransferScene = "DIRECT_TRANSFER";
    private sealed record Refund(string OutTradeNo, string RefundAmount, string OutRequestNo, string? RefundReason);

    public async Task<ChargeStart> StartAsync(ChargeRequest request, CancellationToken cancel = default)
    {
        var channel = request.Channel.Text();
        switch (request.Channel)
        {
            case PayChannel.Qr:
                var answer = await client.CallAsync("alipay.trade.precreate", new Trade(request.PaymentId, request.Amount.ToString(), request.Description, request.OrderId),
                    withNotifyUrl: true, cancel);
                return answer.IsSuccess && answer.Text("qr_code") is { Length: > 0 } code
                    ? ChargeStart.AwaitingPayer(new PayerAction(channel, code, null, null))
                    : ChargeStart.Failed(answer.Reason);
            case PayChannel.MobileWeb:
                var url = client.PageUrl("alipay.trade.wap.pay",
                    new Trade(request.PaymentId, request.Amount.ToString(), request.Description, request.OrderId, "QUICK_WAP_WAY"));
                return ChargeStart.AwaitingPayer(new PayerAction(channel, null, url, null));
            default:
                return ChargeStart.Failed("channel_unsupported");
        }
    }

    public SignedCallback Confirm(string paymentId, string orderId, Money amount) =>
        throw new InvalidOperationException("Alipay confirms a payment only by its notification (ConfirmsWhilePayerWaits is false)");

    /// <summary>
    /// The notification is a form (<c>application/x-www-form-urlencoded</c>). A refund's (it carries <c>gmt_refund</c>) is only
    /// acknowledged: the refund's own answer finished it, and Alipay's notification gives the refunded total, not this refund's.
    /// </summary>
    public ProviderNotice? Verify(ProviderCallback callback, out CallbackOutcome failure)
    {
        failure = CallbackOutcome.Malformed;
        Dictionary<string, string> form;
        try { form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Body).ToDictionary(p => p.Key, p => p.Value.ToString()); }
        catch (Exception e) when (e is ArgumentException or FormatException) { return null; }
        failure = CallbackOutcome.BadSignature;
        if (!AlipaySignature.Verify(client.AlipayKey, AlipaySignature.Content(form, "sign", "sign_type"), form.GetValueOrDefault("sign"))) return null;
        if (form.GetValueOrDefault("app_id") != client.Options.AppId || form.GetValueOrDefault("seller_id") != client.Options.SellerId)
        {
            failure = CallbackOutcome.WrongMerchant;
            log.LogWarning("Alipay notification {Notify} names app {App} and seller {Seller}, not this one", form.GetValueOrDefault("notify_id"),
                form.GetValueOrDefault("app_id"), form.GetValueOrDefault("seller_id"));
            return null;
        }
        if (form.ContainsKey("gmt_refund"))
        {
            failure = CallbackOutcome.Duplicate;
            return null;
        }
        // A trade created or closed unpaid: nothing to apply, and nothing for Alipay to deliver again.
        failure = form.GetValueOrDefault("trade_status") is "WAIT_BUYER_PAY" or "TRADE_CLOSED" ? CallbackOutcome.OutOfOrder : CallbackOutcome.Malformed;
        return Paid(form.GetValueOrDefault("trade_status"), form.GetValueOrDefault("trade_no"), form.GetValueOrDefault("out_trade_no"), form.GetValueOrDefault("body"),
            form.GetValueOrDefault("total_amount"));
    }

    /// <summary>Its event id is Alipay's trade number, shared by notification and query, so the second of them is a duplicate.</summary>
    private static PaymentNotice? Paid(string? status, string? tradeNo, string? paymentId, string? orderId, string? totalAmount) =>
        status is "TRADE_SUCCESS" or "TRADE_FINISHED" && tradeNo is { Length: > 0 } && paymentId is { Length: > 0 } && orderId is { Length: > 0 }
            && AmountText.TryParseMoney(totalAmount, out var amount, out _)
            ? new PaymentNotice($"{ProviderName}:{tradeNo}", paymentId, orderId, amount)
            : null;

    public async Task<PaymentQuery> QueryAsync(string paymentId, string orderId, CancellationToken cancel = default)
    {
        var answer = await client.CallAsync("alipay.trade.query", new TradeNumber(paymentId), withNotifyUrl: false, cancel);
        if (!answer.IsSuccess)
            return answer.Text("sub_code") == "ACQ.TRADE_NOT_EXIST" ? new PaymentQuery(PaymentQueryState.NotPaid, null) : new PaymentQuery(PaymentQueryState.Unknown, null, answer.Reason);
        var status = answer.Text("trade_status");
        if (answer.Text("out_trade_no") != paymentId) return new PaymentQuery(PaymentQueryState.Unknown, null, "another_order");
        return status switch
        {
            "WAIT_BUYER_PAY" => new PaymentQuery(PaymentQueryState.NotPaid, null),
            "TRADE_CLOSED" => new PaymentQuery(PaymentQueryState.Closed, null, status),
            _ when Paid(status, answer.Text("trade_no"), paymentId, orderId, answer.Text("total_amount")) is { } paid => new PaymentQuery(PaymentQueryState.Paid, paid),
            _ => new PaymentQuery(PaymentQueryState.Unknown, null, "malformed_answer"),
        };
    }

    public async Task<bool> CloseAsync(string paymentId, CancellationToken cancel = default) =>
        (await client.CallAsync("alipay.trade.close", new TradeNumber(paymentId), withNotifyUrl: false, cancel)).IsSuccess;

    /// <summary>Alipay answers a refund at once (code 10000: refunded); not answered, it stays requested for an operator to look up.</summary>
    public async Task<RefundStart> RefundAsync(RefundRequest request, CancellationToken cancel = default)
    {
        var answer = await client.CallAsync("alipay.trade.refund",
            new Refund(request.PaymentId, request.Refund.ToString(), request.RefundId, request.Reason is { Length: > 0 } reason ? reason : null), withNotifyUrl: false, cancel);
        if (answer.Failure is "timeout" or "unreachable") return new RefundStart(RefundProgress.Processing, answer.Failure);
        return answer.IsSuccess ? new RefundStart(RefundProgress.Succeeded) : new RefundStart(RefundProgress.Failed, answer.Reason);
    }

    /// <summary>alipay.fund.trans.uni.transfer to an Alipay account (单笔转账到支付宝账户); not answered, it ends by query.</summary>
    public async Task<TransferState> TransferAsync(TransferRequest request, CancellationToken cancel = default)
    {
        var answer = await client.CallAsync("alipay.fund.trans.uni.transfer",
            new Transfer(request.TransferId, request.Amount.ToString(), request.Remark, new Payee(request.PayeeAccount, request.PayeeName)), withNotifyUrl: false, cancel);
        if (answer.Failure is "timeout" or "unreachable") return new TransferState(TransferProgress.Processing, answer.Failure);
        return answer.IsSuccess ? StateOf(answer) : new TransferState(TransferProgress.Failed, answer.Reason);
    }

    public async Task<TransferState> QueryTransferAsync(string transferId, CancellationToken cancel = default)
    {
        var answer = await client.CallAsync("alipay.fund.trans.common.query", new TransferNumber(transferId), withNotifyUrl: false, cancel);
        return answer.IsSuccess ? StateOf(answer) : new TransferState(TransferProgress.Processing, answer.Reason);
    }

    public Task<Reconciliation.ProviderBill> DownloadBillAsync(DateOnly day, CancellationToken cancel = default) => AlipayBill.DownloadAsync(client, day, cancel);

    /// <summary>REFUND (退票): the payee's bank sent it back, so, as for FAIL, nothing reached the payee.</summary>
    private static TransferState StateOf(AlipayClient.Answer answer) => answer.Text("status") switch
    {
        "SUCCESS" => new TransferState(TransferProgress.Succeeded),
        "FAIL" or "REFUND" => new TransferState(TransferProgress.Failed, answer.Text("fail_reason") ?? answer.Text("status")),
        _ => new TransferState(TransferProgress.Processing),
    };
}
