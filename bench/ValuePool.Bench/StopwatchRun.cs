using System.Diagnostics;
using ValuePool.Core.Engine;

namespace ValuePool.Bench;

/// <summary>
/// <c>--stopwatch</c>: builds the same warm engine as <see cref="EngineThroughput"/>, then times
/// passes of the 1,000,000 pre-built orders one by one, printing orders/s, forced exits and GCs
/// per pass. A cross-check of the BenchmarkDotNet figure and a quick way to count exits.
/// <c>--members N</c> runs the same 1,000,000 orders over N members instead (a cache-resident engine for N = 10,000);
/// <c>--by-id</c> leaves the buyers' ids for the engine to look up, as before they were resolved at the edge.
/// </summary>
public static class StopwatchRun
{
    public static int Run(int members = BenchWorld.Members, bool resolved = true, int passes = 3)
    {
        var engine = BenchWorld.Build(members);
        var orders = BenchWorld.Orders(BenchWorld.Members, members);
        // The edge (the sequencer, the simulator) resolves each buyer's id to the engine's index before the order reaches it.
        if (resolved) orders = orders.Select(Resolved).ToArray();
        var exits = BenchWorld.ForcedExits(engine);
        Console.WriteLine($"warm: {engine.MemberCount:N0} members, {exits:N0} forced exits, price {engine.Price}");
        for (var pass = 1; pass <= passes; pass++)
        {
            var gcs = GC.CollectionCount(0);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var order in orders) engine.Apply(order);
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var exitsNow = BenchWorld.ForcedExits(engine);
            var ns = clock.Elapsed.TotalNanoseconds / orders.Length;
            Console.WriteLine($"pass {pass}: {orders.Length:N0} orders in {clock.Elapsed.TotalMilliseconds:N0} ms = {ns:F0} ns/order = {1e9 / ns:N0} orders/s; "
                + $"{exitsNow - exits:N0} forced exits; {allocated / (double)orders.Length:F1} B allocated/order; {GC.CollectionCount(0) - gcs} gen0 GCs; price {engine.Price}");
            exits = exitsNow;
        }
        return 0;

        Consume Resolved(Consume order) => engine.MemberIndexOf(order.Member) is { } index
            ? order with { Member = engine.MemberIdAt(index), MemberIndex = index }
            : order;
    }
}
