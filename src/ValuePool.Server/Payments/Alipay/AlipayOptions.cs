namespace ValuePool.Server.Payments.Alipay;

/// <summary>The <c>Payments:Alipay</c> section (docs/PAYMENTS.md): the app at the Alipay open platform (支付宝开放平台), keys in RSA2.</summary>
public sealed class AlipayOptions
{
    public string? AppId { get; set; }
    /// <summary>The merchant's Alipay user id (PID, 2088…): a notification for another seller is refused.</summary>
    public string? SellerId { get; set; }
    /// <summary>The app's private key (应用私钥): PEM text or a file path.</summary>
    public string? AppPrivateKey { get; set; }
    /// <summary>Alipay's public key (支付宝公钥) for this app: PEM text or a file path.</summary>
    public string? AlipayPublicKey { get; set; }
    /// <summary>The public address of <c>POST /api/payments/alipay/notify</c>, sent as every payment's notify_url.</summary>
    public string? NotifyUrl { get; set; }
    /// <summary>Where alipay.trade.wap.pay returns the payer's browser after paying (optional).</summary>
    public string? ReturnUrl { get; set; }
    public string GatewayUrl { get; set; } = "https://openapi.alipay.com/gateway.do";
    public int TimeoutSeconds { get; set; } = 10;
}
