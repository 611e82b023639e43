using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>
/// Signed calls to WeChat Pay API v3 and verification of what comes back: every request carries the merchant's
/// <c>Authorization</c>; every answer and notification is trusted only when its <c>Wechatpay-Signature</c> verifies with the
/// public key its <c>Wechatpay-Serial</c> names and its <c>Wechatpay-Timestamp</c> is near now.
/// </summary>
public sealed class WeChatPayClient
{
    public const string HttpClientName = "wechatpay";
    private readonly HttpClient _http;
    private readonly WeChatPayOptions _options;
    private readonly System.Security.Cryptography.RSA _merchantKey;
    private readonly Dictionary<string, System.Security.Cryptography.RSA> _platformKeys;
    private readonly TimeProvider _time;

    public WeChatPayClient(IHttpClientFactory http, IOptions<ServerOptions> options, TimeProvider time)
    {
        _options = options.Value.Payments.WeChatPay;
        _http = http.CreateClient(HttpClientName);
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        _merchantKey = ProviderKeys.Rsa(_options.MerchantPrivateKey, $"{Setting}:MerchantPrivateKey");
        _platformKeys = _options.PlatformPublicKeys.ToDictionary(k => k.Key, k => ProviderKeys.Rsa(k.Value, $"{Setting}:PlatformPublicKeys:{k.Key}"));
        ApiV3Key = Encoding.UTF8.GetBytes(_options.ApiV3Key ?? "");
        _time = time;
    }

    public const string Setting = $"{ServerOptions.Section}:Payments:WeChatPay";

    public WeChatPayOptions Options => _options;
    public byte[] ApiV3Key { get; }

    /// <summary>An answer: its status and body, <see cref="Failure"/> set when it did not come or did not verify.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body, string? Failure)
    {
        public bool IsSuccess => Failure is null && (int)Status is >= 200 and < 300;
    }

    public async Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, _options.BaseUrl.TrimEnd('/') + pathAndQuery);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(method.Method, pathAndQuery, body ?? ""));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request, cancel);
            var text = await response.Content.ReadAsStringAsync(cancel);
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            // Only a success completes or refunds anything, so only a success must verify; an error changes nothing either way.
            var failure = response.IsSuccessStatusCode ? Check(new ProviderCallback(text, headers)) switch
            {
                CallbackOutcome.Applied => null,
                var bad => bad.ToString(),
            } : null;
            return new Answer(response.StatusCode, text, failure);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { return new Answer(0, "", "timeout"); }
        catch (HttpRequestException) { return new Answer(0, "", "unreachable"); }
    }

    private string Authorization(string method, string pathAndQuery, string body) =>
        WeChatPaySignature.Authorization(_options.MchId!, _options.MerchantSerialNumber!, _merchantKey, method, pathAndQuery, body,
            _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), WeChatPaySignature.Nonce());

    /// <summary>A bill file at the address WeChat Pay named, fetched with the merchant's signature; null when it did not come.</summary>
    public async Task<byte[]?> DownloadAsync(Uri address, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization("GET", address.PathAndQuery, ""));
        try
        {
            using var response = await _http.SendAsync(request, cancel);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancel) : null;
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { return null; }
        catch (HttpRequestException) { return null; }
    }

    /// <summary><c>Applied</c> when the message's signature verifies with a configured key and its timestamp is fresh.</summary>
    public CallbackOutcome Check(ProviderCallback message)
    {
        if (message.Header("Wechatpay-Serial") is not { } serial || message.Header("Wechatpay-Signature") is not { } signature
            || message.Header("Wechatpay-Timestamp") is not { } timestamp || message.Header("Wechatpay-Nonce") is not { } nonce
            || !_platformKeys.TryGetValue(serial, out var key)) return CallbackOutcome.BadSignature;
        if (!WeChatPaySignature.Verify(key, WeChatPaySignature.ResponseMessage(timestamp, nonce, message.Body), signature)) return CallbackOutcome.BadSignature;
        if (!long.TryParse(timestamp, out var seconds)) return CallbackOutcome.Malformed;
        var skew = Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - seconds);
        return skew > _options.TimestampToleranceSeconds ? CallbackOutcome.Stale : CallbackOutcome.Applied;
    }

    /// <summary>The JSAPI parameters the payer's page hands to WeChat, signed by the merchant.</summary>
    public IReadOnlyDictionary<string, string> InAppParameters(string prepayId)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignature.Nonce();
        var package = "prepay_id=" + prepayId;
        var paySign = WeChatPaySignature.Sign(_merchantKey, $"{_options.AppId}\n{timestamp}\n{nonce}\n{package}\n");
        return new Dictionary<string, string>
        {
            ["appId"] = _options.AppId!, ["timeStamp"] = timestamp, ["nonceStr"] = nonce, ["package"] = package, ["signType"] = "RSA", ["paySign"] = paySign,
        };
    }
}
