using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Storage.Tests;

/// <summary>
/// A seeded mix of every kind of command: stores in regions, an agent, referral bindings, orders at
/// stores and self-operated, sales, a subsidy, and some refusals. Times advance a minute per command,
/// so price history spans many minutes and orders span two days.
/// </summary>
public static class Workload
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Command> Commands(int count, int seed = 7)
    {
        var random = new Random(seed);
        var commands = new List<Command>
        {
            new RegisterStore("s1", "owner1", "recruiter1", new Region(["gd", "dg", "songshan"]), Start),
            new RegisterStore("s2", "owner2", null, new Region(["gd", "sz", "nanshan"]), Start),
            new AppointAgent("agent1", AgentLevel.City, new Region(["gd", "dg"]), Start),
            new Bind("m1", "owner1", Start),
            new Bind("m2", "m1", Start),
        };
        for (var i = commands.Count; i < count; i++)
        {
            var at = Start.AddMinutes(i);
            var member = $"m{random.Next(1, 40)}";
            commands.Add(random.Next(20) switch
            {
                < 14 => new Consume(member, random.Next(3) switch { 0 => "s1", 1 => "s2", _ => null }, new Money(random.Next(1, 200_000)), at),
                < 17 => new Sell(member, new Points(random.Next(1, 500_000)), at),
                < 18 => new Bind(member, $"m{random.Next(1, 40)}", at),
                < 19 => new Subsidy(new Money(random.Next(1, 100_000)), "A round", at),
                _ => new Consume(member, "no-such-store", new Money(100), at),
            });
        }
        return commands.Take(count).ToList();
    }
}
