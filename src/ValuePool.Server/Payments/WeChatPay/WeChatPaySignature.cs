using System.Security.Cryptography;
using System.Text;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3's signatures, SHA256withRSA (PKCS#1 v1.5) in base64: a request's message is
/// <c>method\npath?query\ntimestamp\nnonce\nbody\n</c>, a response's or notification's <c>timestamp\nnonce\nbody\n</c>,
/// a JSAPI payment's <c>appId\ntimeStamp\nnonceStr\npackage\n</c>.
/// </summary>
public static class WeChatPaySignature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    public static string Sign(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string message, string signatureBase64)
    {
        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(message), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static string RequestMessage(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    public static string ResponseMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    public static string Authorization(string mchId, string serialNumber, RSA key, string method, string pathAndQuery, string body, string timestamp, string nonce) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{Sign(key, RequestMessage(method, pathAndQuery, timestamp, nonce, body))}\"," +
        $"timestamp=\"{timestamp}\",serial_no=\"{serialNumber}\"";

    public static string Nonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
