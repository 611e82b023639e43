using System.Security.Cryptography;
using System.Text;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>
/// A notification's <c>resource</c>: AEAD_AES_256_GCM under the APIv3 key, <c>ciphertext</c> in base64 with the 16-byte tag at
/// its end, <c>nonce</c> (12 characters) and <c>associated_data</c> as UTF-8. Null when it does not decrypt (tampered, another key).
/// </summary>
public static class WeChatPayResource
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    private const int TagBytes = 16;

    public static string? Decrypt(byte[] apiV3Key, string ciphertextBase64, string nonce, string? associatedData)
    {
        byte[] sealedBytes;
        try { sealedBytes = Convert.FromBase64String(ciphertextBase64); }
        catch (FormatException) { return null; }
        if (sealedBytes.Length < TagBytes) return null;
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (nonceBytes.Length != 12) return null;
        var plain = new byte[sealedBytes.Length - TagBytes];
        try
        {
            using var aes = new AesGcm(apiV3Key, TagBytes);
            aes.Decrypt(nonceBytes, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException) { return null; }
        return Encoding.UTF8.GetString(plain);
    }
}
