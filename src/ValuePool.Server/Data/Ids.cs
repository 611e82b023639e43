using System.Security.Cryptography;

namespace ValuePool.Server.Data;

/// <summary>Random ids with a readable prefix (u_, s_, o_…); 80 random bits, so they cannot be guessed or collide.</summary>
public static class Ids
{
    public static string New(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
