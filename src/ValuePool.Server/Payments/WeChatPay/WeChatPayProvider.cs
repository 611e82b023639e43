using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Server.Http;
using static ValuePool.Server.Payments.WeChatPay.WeChatPayMessages;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3 (微信支付 APIv3), written on the BCL's RSA and AesGcm: Native (a QR code), JSAPI (inside WeChat) and H5
/// (a mobile browser) payments, their query and close by <c>out_trade_no</c> (the order's payment id), refunds, and the
/// notifications of both. A notification is trusted only when it verifies (<see cref="WeChatPayClient.Check"/>), decrypts under
/// the APIv3 key, and names this merchant and app; its amount is checked against the order by <see cref="Orders.OrderStore"/>.
/// </summary>
public sealed class WeChatPayProvider(WeChatPayClient client, ILogger<WeChatPayProvider> log) : IPaymentProvider
{
    public const string ProviderName = "wechatpay";

    public string Name => ProviderName;

    public bool ConfirmsWhilePayerWaits => false;

    private WeChatPayOptions Options => client.Options;

    public async Task<ChargeStart> StartAsync(ChargeRequest request, CancellationToken cancel = default)
    {
        var (path, payer, scene) = request.Channel switch
        {
            PayChannel.InApp => ("/v3/pay/transactions/jsapi", new Payer(request.PayerAppId ?? ""), (SceneInfo?)null),
            PayChannel.MobileWeb => ("/v3/pay/transactions/h5", null, new SceneInfo(request.PayerIp ?? "127.0.0.1", new H5Info())),
            _ => ("/v3/pay/transactions/native", (Payer?)null, (SceneInfo?)null),
        };
        var prepay = new Prepay(Options.AppId!, Options.MchId!, request.Description, request.PaymentId, request.OrderId, Options.NotifyUrl!,
            new Amount(request.Amount.Fen), payer, scene);
        var answer = await client.SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(prepay, Json), cancel);
        if (!answer.IsSuccess) return ChargeStart.Failed(FailureOf(answer));
        var prepaid = Read<PrepayAnswer>(answer.Body);
        var channel = request.Channel.Text();
        return (request.Channel, prepaid) switch
        {
            (PayChannel.Qr, { CodeUrl: { Length: > 0 } code }) => ChargeStart.AwaitingPayer(new PayerAction(channel, code, null, null)),
            (PayChannel.InApp, { PrepayId: { Length: > 0 } prepayId }) => ChargeStart.AwaitingPayer(new PayerAction(channel, null, null, client.InAppParameters(prepayId))),
            (PayChannel.MobileWeb, { H5Url: { Length: > 0 } url }) => ChargeStart.AwaitingPayer(new PayerAction(channel, null, url, null)),
            _ => ChargeStart.Failed("malformed_answer"),
        };
    }

    public SignedCallback Confirm(string paymentId, string orderId, Money amount) =>
        throw new InvalidOperationException("WeChat Pay confirms a payment only by its notification (ConfirmsWhilePayerWaits is false)");

    public ProviderNotice? Verify(ProviderCallback callback, out CallbackOutcome failure)
    {
        failure = client.Check(callback);
        if (failure != CallbackOutcome.Applied) return null;
        failure = CallbackOutcome.Malformed;
        if (Read<Notification>(callback.Body) is not { Id: { Length: > 0 }, EventType: { } eventType, Resource: { Algorithm: WeChatPayResource.Algorithm } resource }
            || resource.Ciphertext is null || resource.Nonce is null) return null;
        if (WeChatPayResource.Decrypt(client.ApiV3Key, resource.Ciphertext, resource.Nonce, resource.AssociatedData) is not { } plain)
        {
            failure = CallbackOutcome.BadSignature;
            return null;
        }
        if (eventType == "TRANSACTION.SUCCESS") return PaidNotice(Read<Transaction>(plain), out failure);
        if (eventType.StartsWith("REFUND.", StringComparison.Ordinal)) return RefundNoticeOf(Read<RefundResource>(plain), out failure);
        return null;
    }

    /// <summary>A successful transaction of this merchant and app, as a notice; its event id is WeChat's transaction id, shared by notification and query.</summary>
    private PaymentNotice? PaidNotice(Transaction? transaction, out CallbackOutcome failure)
    {
        failure = CallbackOutcome.Malformed;
        if (transaction is not { TradeState: "SUCCESS", OutTradeNo: { Length: > 0 } paymentId, TransactionId: { Length: > 0 } transactionId, Attach: { Length: > 0 } orderId,
            Amount: { Total: >= 0 } amount }) return null;
        if (transaction.Mchid != Options.MchId || transaction.Appid != Options.AppId)
        {
            failure = CallbackOutcome.WrongMerchant;
            log.LogWarning("WeChat Pay transaction {Transaction} names merchant {MchId}/{AppId}, not this one", transactionId, transaction.Mchid, transaction.Appid);
            return null;
        }
        return new PaymentNotice($"{ProviderName}:{transactionId}", paymentId, orderId, new Money(amount.Total));
    }

    private RefundNotice? RefundNoticeOf(RefundResource? refund, out CallbackOutcome failure)
    {
        failure = CallbackOutcome.Malformed;
        if (refund is not { OutRefundNo: { Length: > 0 } refundId, OutTradeNo: { Length: > 0 } paymentId, RefundStatus: { } status, Amount: { } amount }) return null;
        if (refund.Mchid != Options.MchId)
        {
            failure = CallbackOutcome.WrongMerchant;
            return null;
        }
        return new RefundNotice($"{ProviderName}:refund:{refund.RefundId ?? refundId}:{status}", refundId, paymentId, new Money(amount.Refund), status == "SUCCESS");
    }

    public async Task<PaymentQuery> QueryAsync(string paymentId, string orderId, CancellationToken cancel = default)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(paymentId)}?mchid={Uri.EscapeDataString(Options.MchId!)}",
            null, cancel);
        if (!answer.IsSuccess)
            return Read<ErrorAnswer>(answer.Body) is { Code: "ORDER_NOT_EXIST" } ? new PaymentQuery(PaymentQueryState.NotPaid, null) : new PaymentQuery(PaymentQueryState.Unknown, null, FailureOf(answer));
        var transaction = Read<Transaction>(answer.Body);
        switch (transaction?.TradeState)
        {
            case "SUCCESS":
                var notice = PaidNotice(transaction, out var failure);
                return notice is not null && notice.PaymentId == paymentId && notice.OrderId == orderId
                    ? new PaymentQuery(PaymentQueryState.Paid, notice)
                    : new PaymentQuery(PaymentQueryState.Unknown, null, notice is null ? failure.ToString() : "another_order");
            case "NOTPAY" or "USERPAYING": return new PaymentQuery(PaymentQueryState.NotPaid, null);
            case "CLOSED" or "REVOKED" or "PAYERROR" or "REFUND": return new PaymentQuery(PaymentQueryState.Closed, null, transaction.TradeState);
            default: return new PaymentQuery(PaymentQueryState.Unknown, null, "malformed_answer");
        }
    }

    public async Task<bool> CloseAsync(string paymentId, CancellationToken cancel = default)
    {
        var answer = await client.SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(paymentId)}/close",
            JsonSerializer.Serialize(new Close(Options.MchId!), Json), cancel);
        return answer.IsSuccess;
    }

    public async Task<RefundStart> RefundAsync(RefundRequest request, CancellationToken cancel = default)
    {
        var refund = new Refund(request.PaymentId, request.RefundId, request.Reason is { Length: > 0 } reason ? reason : null, Options.NotifyUrl!,
            new RefundAmount(request.Refund.Fen, request.Total.Fen));
        var answer = await client.SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", JsonSerializer.Serialize(refund, Json), cancel);
        // Not answered: the refund may have been taken, so it stays requested and its notification decides.
        if (answer.Status == 0) return new RefundStart(RefundProgress.Processing, answer.Failure);
        if (!answer.IsSuccess) return new RefundStart(RefundProgress.Failed, FailureOf(answer));
        return Read<RefundAnswer>(answer.Body)?.Status switch
        {
            "SUCCESS" => new RefundStart(RefundProgress.Succeeded),
            "PROCESSING" => new RefundStart(RefundProgress.Processing),
            var other => new RefundStart(RefundProgress.Failed, other ?? "malformed_answer"),
        };
    }

    /// <summary>
    /// 商家转账到零钱 (<c>/v3/transfer/batches</c>), one detail per batch. The payee's name is not sent (WeChat Pay requires it,
    /// encrypted, only from 2,000 yuan; docs/PAYMENTS.md). An accepted batch ends by query; a refused one never paid anything.
    /// </summary>
    public async Task<TransferState> TransferAsync(TransferRequest request, CancellationToken cancel = default)
    {
        var batch = new TransferBatch(Options.AppId!, request.TransferId, request.Remark, request.Remark, request.Amount.Fen, 1,
            [new TransferDetail(request.TransferId, request.Amount.Fen, request.Remark, request.PayeeAccount)]);
        var answer = await client.SendAsync(HttpMethod.Post, "/v3/transfer/batches", JsonSerializer.Serialize(batch, Json), cancel);
        if (answer.Status == 0) return new TransferState(TransferProgress.Processing, answer.Failure);
        return answer.IsSuccess ? new TransferState(TransferProgress.Processing) : new TransferState(TransferProgress.Failed, FailureOf(answer));
    }

    public async Task<TransferState> QueryTransferAsync(string transferId, CancellationToken cancel = default)
    {
        var id = Uri.EscapeDataString(transferId);
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/transfer/batches/out-batch-no/{id}/details/out-detail-no/{id}", null, cancel);
        if (!answer.IsSuccess) return new TransferState(TransferProgress.Processing, FailureOf(answer));
        return Read<TransferDetailAnswer>(answer.Body) switch
        {
            { DetailStatus: "SUCCESS" } => new TransferState(TransferProgress.Succeeded),
            { DetailStatus: "FAIL", FailReason: var reason } => new TransferState(TransferProgress.Failed, reason ?? "FAIL"),
            _ => new TransferState(TransferProgress.Processing),
        };
    }

    public Task<Reconciliation.ProviderBill> DownloadBillAsync(DateOnly day, CancellationToken cancel = default) => WeChatPayBill.DownloadAsync(client, day, cancel);

    private static string FailureOf(WeChatPayClient.Answer answer) =>
        answer.Failure ?? Read<ErrorAnswer>(answer.Body)?.Code ?? $"http_{(int)answer.Status}";

    private static T? Read<T>(string json) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(json, Json); }
        catch (JsonException) { return null; }
    }
}
