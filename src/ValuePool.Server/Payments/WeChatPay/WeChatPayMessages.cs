using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>The JSON of WeChat Pay API v3 this provider sends and reads (snake_case, amounts in fen).</summary>
public static class WeChatPayMessages
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Amount(long Total, string Currency = "CNY");
    public sealed record Payer(string Openid);
    public sealed record H5Info(string Type = "Wap");
    public sealed record SceneInfo(string PayerClientIp, H5Info H5Info);

    /// <summary>Native, JSAPI and H5 share it; <c>attach</c> carries the order id back in notifications and queries.</summary>
    public sealed record Prepay(string Appid, string Mchid, string Description, string OutTradeNo, string Attach, string NotifyUrl, Amount Amount,
        Payer? Payer = null, SceneInfo? SceneInfo = null);

    public sealed record PrepayAnswer(string? CodeUrl, string? PrepayId, string? H5Url);

    public sealed record ErrorAnswer(string? Code, string? Message);

    public sealed record Close(string Mchid);

    public sealed record TransactionAmount(long Total, long? PayerTotal, string? Currency);
    /// <summary>A transaction as a query answers it and a TRANSACTION.* notification's resource holds it.</summary>
    public sealed record Transaction(string? Appid, string? Mchid, string? OutTradeNo, string? TransactionId, string? TradeState, string? Attach,
        string? SuccessTime, TransactionAmount? Amount);

    public sealed record RefundAmount(long Refund, long Total, string Currency = "CNY");
    public sealed record Refund(string OutTradeNo, string OutRefundNo, string? Reason, string NotifyUrl, RefundAmount Amount);
    public sealed record RefundAnswer(string? RefundId, string? OutRefundNo, string? Status);

    public sealed record RefundNoticeAmount(long Total, long Refund);
    /// <summary>A REFUND.* notification's resource.</summary>
    public sealed record RefundResource(string? Mchid, string? OutTradeNo, string? OutRefundNo, string? RefundId, string? RefundStatus, RefundNoticeAmount? Amount);

    public sealed record TransferDetail(string OutDetailNo, long TransferAmount, string TransferRemark, string Openid);
    /// <summary>商家转账到零钱 (one detail per batch): the batch and its one detail share the merchant's number.</summary>
    public sealed record TransferBatch(string Appid, string OutBatchNo, string BatchName, string BatchRemark, long TotalAmount, int TotalNum,
        TransferDetail[] TransferDetailList);
    public sealed record TransferDetailAnswer(string? OutDetailNo, string? DetailStatus, string? FailReason);

    public sealed record Resource(string? Algorithm, string? Ciphertext, string? AssociatedData, string? Nonce, string? OriginalType);
    public sealed record Notification(string? Id, string? EventType, string? ResourceType, Resource? Resource);
}
