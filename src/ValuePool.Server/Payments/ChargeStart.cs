namespace ValuePool.Server.Payments;

/// <summary>
/// What the payer does next with a real provider. <paramref name="QrCode"/>: the text to show as a QR code (Native, precreate);
/// <paramref name="Url"/>: where to send the payer's browser (H5, wap.pay); <paramref name="InApp"/>: the signed parameters the
/// page hands to the app (WeChat's <c>WeixinJSBridge.invoke('getBrandWCPayRequest', …)</c>).
/// </summary>
public sealed record PayerAction(string Channel, string? QrCode, string? Url, IReadOnlyDictionary<string, string>? InApp);

/// <summary>
/// The provider's answer to a charge: the signed callback (a provider that confirms at once), what the payer does next, or
/// why it failed (<paramref name="Failure"/>: the provider's error code, <c>timeout</c> or <c>unreachable</c>).
/// </summary>
public sealed record ChargeStart(SignedCallback? Callback, PayerAction? Action, string? Failure)
{
    public static ChargeStart Confirmed(SignedCallback callback) => new(callback, null, null);
    public static ChargeStart AwaitingPayer(PayerAction action) => new(null, action, null);
    public static ChargeStart Failed(string failure) => new(null, null, failure);
}
