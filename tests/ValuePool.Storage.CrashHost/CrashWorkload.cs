using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;

namespace ValuePool.Storage.CrashHost;

/// <summary>The command behind each key of the crash test: a pure function of its number, so the test can check every stored body.</summary>
public static class CrashWorkload
{
    public const string StoreKey = "setup-store";
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static RegisterStore Store => new("s1", "owner", "recruiter", new Region(["gd", "dg", "songshan"]), Start);

    public static string Key(long number) => $"order-{number}";

    public static Command Command(long number) => number % 10 == 9
        ? new Sell($"m{number % 97}", new Points(10_000), Start.AddSeconds(number))
        : new Consume($"m{number % 97}", number % 2 == 0 ? "s1" : null, new Money(10_000 + number % 1000), Start.AddSeconds(number));
}
