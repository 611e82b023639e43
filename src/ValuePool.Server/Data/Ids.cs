using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ValuePool.Server.Data;

/// <summary>Random ids with a readable prefix (u_, s_, o_…); 80 random bits, so they cannot be guessed or collide.</summary>
public static class Ids
{
    private const int RandomBytes = 10;

    public static string New(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// The same 80 random bits after the creation time (Unix ms, 12 hex digits): ids made one after another sort
    /// together, so inserting them extends their index instead of dirtying a random page of it in every batch
    /// (each dirty page is 4 KiB more to write and fsync).
    /// </summary>
    public static string TimeOrdered(string prefix, DateTimeOffset at) =>
        prefix + "_" + at.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// An id that follows from a caller's scoped idempotency key (80 bits of its SHA-256): every retry names the same
    /// record, and so the same journal key and payment, without a look-up.
    /// </summary>
    public static string FromKey(string prefix, string scopedIdempotencyKey) =>
        prefix + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopedIdempotencyKey)).AsSpan(0, RandomBytes));
}
