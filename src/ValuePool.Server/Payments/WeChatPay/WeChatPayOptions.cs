namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>The <c>Payments:WeChatPay</c> section (docs/PAYMENTS.md): the merchant's account at WeChat Pay API v3.</summary>
public sealed class WeChatPayOptions
{
    /// <summary>商户号.</summary>
    public string? MchId { get; set; }
    /// <summary>The app id (公众号/小程序/移动应用 AppID) bound to the merchant.</summary>
    public string? AppId { get; set; }
    /// <summary>The serial number of the merchant's API certificate (商户API证书序列号).</summary>
    public string? MerchantSerialNumber { get; set; }
    /// <summary>The merchant's API private key (apiclient_key.pem): PEM text or a file path.</summary>
    public string? MerchantPrivateKey { get; set; }
    /// <summary>The APIv3 key (32 characters) that encrypts notifications' resources.</summary>
    public string? ApiV3Key { get; set; }
    /// <summary>WeChat Pay's public keys by id (Wechatpay-Serial: a 微信支付公钥 ID or a platform certificate's serial): PEM text or file path.</summary>
    public Dictionary<string, string> PlatformPublicKeys { get; set; } = [];
    /// <summary>The public address of <c>POST /api/payments/wechatpay/notify</c>, registered as every request's notify_url.</summary>
    public string? NotifyUrl { get; set; }
    public string BaseUrl { get; set; } = "https://api.mch.weixin.qq.com";
    /// <summary>A signed message whose timestamp is further than this from now is refused as a replay.</summary>
    public int TimestampToleranceSeconds { get; set; } = 300;
    public int TimeoutSeconds { get; set; } = 10;
}
