using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Payments.Alipay;

/// <summary>
/// Signed calls to the Alipay gateway (<c>gateway.do</c>) and verification of their answers: an answer's
/// <c>{method}_response</c> object, exactly as its bytes came, must verify with Alipay's public key under the answer's <c>sign</c>.
/// </summary>
public sealed class AlipayClient
{
    public const string HttpClientName = "alipay";
    public const string Setting = $"{ServerOptions.Section}:Payments:Alipay";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly HttpClient _http;
    private readonly RSA _appKey;
    private readonly TimeProvider _time;

    public AlipayClient(IHttpClientFactory http, IOptions<ServerOptions> options, TimeProvider time)
    {
        Options = options.Value.Payments.Alipay;
        _http = http.CreateClient(HttpClientName);
        _http.Timeout = TimeSpan.FromSeconds(Options.TimeoutSeconds);
        _appKey = ProviderKeys.Rsa(Options.AppPrivateKey, $"{Setting}:AppPrivateKey");
        AlipayKey = ProviderKeys.Rsa(Options.AlipayPublicKey, $"{Setting}:AlipayPublicKey");
        _time = time;
    }

    public AlipayOptions Options { get; }
    public RSA AlipayKey { get; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The verified answer object (<c>code</c> 10000 = success), or null with <paramref name="Failure"/>: timeout, unreachable, BadSignature…</summary>
    public sealed record Answer(JsonElement? Response, string? Failure)
    {
        public string? Text(string name) => Response is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        public bool IsSuccess => Failure is null && Text("code") == "10000";
        /// <summary>Alipay's reason: the sub_code of an error answer, or how the call failed.</summary>
        public string Reason => Failure ?? Text("sub_code") ?? Text("code") ?? "malformed_answer";
    }

    public async Task<Answer> CallAsync(string method, object bizContent, bool withNotifyUrl, CancellationToken cancel)
    {
        var parameters = Signed(method, bizContent, withNotifyUrl, returnUrl: false);
        try
        {
            using var response = await _http.PostAsync(Options.GatewayUrl, new FormUrlEncodedContent(parameters), cancel);
            var text = await response.Content.ReadAsStringAsync(cancel);
            return Verified(text, method.Replace('.', '_') + "_response");
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { return new Answer(null, "timeout"); }
        catch (HttpRequestException) { return new Answer(null, "unreachable"); }
    }

    /// <summary>A file at an address Alipay named (a bill): the address carries Alipay's own short-lived signature. Null when it did not come.</summary>
    public async Task<byte[]?> DownloadAsync(Uri address, CancellationToken cancel)
    {
        try
        {
            using var response = await _http.GetAsync(address, cancel);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancel) : null;
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { return null; }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>The gateway address the payer's browser opens for a page payment (alipay.trade.wap.pay): every parameter signed in its query.</summary>
    public string PageUrl(string method, object bizContent)
    {
        var parameters = Signed(method, bizContent, withNotifyUrl: true, returnUrl: true);
        return Options.GatewayUrl + "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    private Dictionary<string, string> Signed(string method, object bizContent, bool withNotifyUrl, bool returnUrl)
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_id"] = Options.AppId!, ["method"] = method, ["format"] = "JSON", ["charset"] = "utf-8", ["sign_type"] = "RSA2",
            ["timestamp"] = _time.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), ["version"] = "1.0",
            ["biz_content"] = JsonSerializer.Serialize(bizContent, Json),
        };
        if (withNotifyUrl) parameters["notify_url"] = Options.NotifyUrl!;
        if (returnUrl && Options.ReturnUrl is { Length: > 0 } back) parameters["return_url"] = back;
        parameters["sign"] = AlipaySignature.Sign(_appKey, AlipaySignature.Content(parameters, "sign"));
        return parameters;
    }

    private Answer Verified(string text, string node)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (!root.TryGetProperty(node, out var response) && !root.TryGetProperty("error_response", out response)) return new Answer(null, "malformed_answer");
            var sign = root.TryGetProperty("sign", out var s) ? s.GetString() : null;
            // An error answer the gateway could not sign (a bad app id, a bad request signature) still says why, and changes nothing.
            if (sign is null) return new Answer(response.Clone(), response.TryGetProperty("code", out var c) && c.GetString() == "10000" ? "BadSignature" : null);
            return AlipaySignature.Verify(AlipayKey, response.GetRawText(), sign) ? new Answer(response.Clone(), null) : new Answer(null, "BadSignature");
        }
        catch (JsonException) { return new Answer(null, "malformed_answer"); }
    }
}
