using System.Security.Cryptography;
using System.Text;

namespace ValuePool.Server.Payments.Alipay;

/// <summary>
/// Alipay's RSA2 (SHA256withRSA, PKCS#1 v1.5, base64): the signed content is the parameters with a value, sorted by name
/// (ordinal), joined as <c>name=value</c> with <c>&amp;</c>, the values as they are, not URL-encoded. A request signs every
/// parameter but <c>sign</c>; a notification is verified over every parameter but <c>sign</c> and <c>sign_type</c>.
/// </summary>
public static class AlipaySignature
{
    public static string Content(IEnumerable<KeyValuePair<string, string>> parameters, params string[] excluded) =>
        string.Join("&", parameters.Where(p => p.Value is { Length: > 0 } && !excluded.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static string Sign(RSA key, string content) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string content, string? signatureBase64)
    {
        if (signatureBase64 is null) return false;
        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(content), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
