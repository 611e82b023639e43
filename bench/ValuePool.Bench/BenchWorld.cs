using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Bench;

/// <summary>
/// The engine the benchmarks run on: default configuration (forced exits on, exitMultiple 1.2),
/// 24 stores in 2 provinces / 4 cities / 8 districts with recruiters, agents on some regions,
/// a referral tree over about half the members, and every member's first order.
/// Everything is seeded, so every run builds the same engine and the same orders.
/// </summary>
public static class BenchWorld
{
    public const int Members = 1_000_000;
    public const int Stores = 24;

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string MemberId(int i) => $"m{i:D7}";
    public static string StoreId(int i) => $"s{i:D2}";

    /// <summary>A warm engine: stores, agents, bindings and one consume per member.</summary>
    public static ValuePoolEngine Build(int members = Members, int seed = 1)
    {
        var engine = new ValuePoolEngine();
        var random = new Random(seed);
        var at = Start;
        string[] provinces = ["gd", "zj"];
        for (var s = 0; s < Stores; s++)
        {
            var province = provinces[s % 2];
            var city = $"{province}c{s / 2 % 2}";
            var district = $"{city}d{s / 4 % 2}";
            var recruiter = s % 3 == 2 ? null : $"r{s % 5}";
            Expect(engine.Apply(new RegisterStore(StoreId(s), $"owner{s:D2}", recruiter, new Region([province, city, district]), at)));
        }
        // Agents: both provinces, one city in each, one district under a city with an agent and one under a city without.
        Expect(engine.Apply(new AppointAgent("agent-gd", AgentLevel.Province, new Region(["gd"]), at)));
        Expect(engine.Apply(new AppointAgent("agent-zj", AgentLevel.Province, new Region(["zj"]), at)));
        Expect(engine.Apply(new AppointAgent("agent-gdc0", AgentLevel.City, new Region(["gd", "gdc0"]), at)));
        Expect(engine.Apply(new AppointAgent("agent-zjc1", AgentLevel.City, new Region(["zj", "zjc1"]), at)));
        Expect(engine.Apply(new AppointAgent("agent-gdc0d0", AgentLevel.District, new Region(["gd", "gdc0", "gdc0d0"]), at)));
        Expect(engine.Apply(new AppointAgent("agent-zjc0d1", AgentLevel.District, new Region(["zj", "zjc0", "zjc0d1"]), at)));

        for (var i = 1; i <= members; i++)
        {
            var id = MemberId(i);
            // Referral tree: about half the members arrived through an earlier member's link.
            if (i > 1 && random.Next(2) == 0)
                Expect(engine.Apply(new Bind(id, MemberId(random.Next(1, i)), at)));
            Expect(engine.Apply(RandomOrder(random, id, at)));
            at = at.AddSeconds(1);
        }
        return engine;
    }

    /// <summary><paramref name="count"/> orders by random existing members, built before any timing starts.</summary>
    public static Consume[] Orders(int count, int members = Members, int seed = 2)
    {
        var random = new Random(seed);
        var ids = new string[members + 1];
        for (var i = 1; i <= members; i++) ids[i] = MemberId(i);
        // All on one day, a millisecond apart: passes over the array repeat the day but never go back
        // to an earlier one, as a live platform's orders never do (an older day would cost the
        // shopping-point lots an out-of-order insertion that production does not see).
        var at = Start.AddDays(30);
        var orders = new Consume[count];
        for (var k = 0; k < count; k++)
        {
            orders[k] = RandomOrder(random, ids[random.Next(1, members + 1)], at);
            at = at.AddMilliseconds(1);
        }
        return orders;
    }

    /// <summary>¥10–¥2000 in fen; 90% at a store, 10% platform products (Store null).</summary>
    private static Consume RandomOrder(Random random, string member, DateTimeOffset at)
    {
        var amount = new Money(random.NextInt64(1_000, 200_001));
        var store = random.Next(10) == 0 ? null : StoreId(random.Next(Stores));
        return new Consume(member, store, amount, at);
    }

    /// <summary>Forced exits so far, summed over every member.</summary>
    public static long ForcedExits(ValuePoolEngine engine)
    {
        long exits = 0;
        foreach (var id in engine.MemberIdsOrdinal()) exits += engine.FindMember(id)!.Exits;
        return exits;
    }

    private static void Expect(CommandResult result)
    {
        if (!result.IsAccepted()) throw new InvalidOperationException($"setup command refused: {result.Describe()}");
    }
}
