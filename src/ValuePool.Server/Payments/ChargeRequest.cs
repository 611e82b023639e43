using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>Where the payer pays: the provider's product each channel maps to is the provider's (docs/PAYMENTS.md).</summary>
public enum PayChannel
{
    /// <summary>A QR code the payer scans (WeChat Pay Native, Alipay <c>alipay.trade.precreate</c>).</summary>
    Qr,
    /// <summary>Inside the provider's app, by the payer's id there (WeChat Pay JSAPI: the payer's <c>openid</c>).</summary>
    InApp,
    /// <summary>A mobile browser outside the app (WeChat Pay H5, Alipay <c>alipay.trade.wap.pay</c>).</summary>
    MobileWeb,
}

/// <summary>One charge: <paramref name="PaymentId"/> is the merchant order number the provider knows the payment by.</summary>
public sealed record ChargeRequest(string PaymentId, string OrderId, Money Amount, string Description, PayChannel Channel, string? PayerAppId = null,
    string? PayerIp = null);
