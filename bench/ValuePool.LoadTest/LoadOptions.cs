using System.Globalization;

namespace ValuePool.LoadTest;

/// <summary>
/// <c>--clients N --seconds S [--warmup S] [--referred] [--url URL[,URL…]] [--db PATH]</c>; the bounds are capped so a typo cannot
/// run away. Several URLs (the nodes of a cluster): the clients are spread over them in turn. <see cref="Referred"/>: the members arrive through the store's share link, so every order also credits the
/// store owner's referral reward.
/// </summary>
public sealed record LoadOptions(int Clients, int Seconds, int WarmupSeconds, bool Referred, string? Url, string? Db)
{
    /// <summary>The nodes <see cref="Url"/> names (comma-separated), or none.</summary>
    public IReadOnlyList<Uri> Nodes => Url is null ? [] : Url.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray();

    public const int ClientsMax = 1024;
    public const int SecondsMax = 600;
    public const int WarmupSecondsMax = 60;

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var clients = int.Parse(Value("--clients") ?? "64", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var warmupSeconds = int.Parse(Value("--warmup") ?? "3", CultureInfo.InvariantCulture);
        if (clients is < 1 or > ClientsMax || seconds is < 1 or > SecondsMax || warmupSeconds is < 0 or > WarmupSecondsMax)
            throw new ArgumentException($"--clients 1..{ClientsMax}, --seconds 1..{SecondsMax}, --warmup 0..{WarmupSecondsMax}");
        return new LoadOptions(clients, seconds, warmupSeconds, args.Contains("--referred"), Value("--url"), Value("--db"));
    }
}
