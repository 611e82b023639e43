using BenchmarkDotNet.Attributes;
using ValuePool.Core.Engine;

namespace ValuePool.Bench;

/// <summary>
/// Consume orders per second through one engine holding 1,000,000 members, forced exits on.
/// The engine is built once per process and keeps its state across invocations: each invocation
/// applies the next <see cref="Batch"/> orders of a pre-built array (wrapping round), so the
/// engine always has 1M members, a 1M-entry exit queue and a rising price, as in production.
/// Forced exits happen inside the timed orders; the count is printed at cleanup.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class EngineThroughput
{
    public const int Batch = 100_000;

    private ValuePoolEngine _engine = null!;
    private Consume[] _orders = null!;
    private int _next;
    private long _applied;
    private long _exitsAfterWarm;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchWorld.Build();
        _orders = BenchWorld.Orders(BenchWorld.Members);
        _exitsAfterWarm = BenchWorld.ForcedExits(_engine);
        Console.WriteLine($"// EngineThroughput: warm engine with {_engine.MemberCount:N0} members, {_exitsAfterWarm:N0} forced exits during warm-up, price {_engine.Price}");
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long ConsumeOrders()
    {
        var engine = _engine;
        var orders = _orders;
        var next = _next;
        long accepted = 0;
        for (var k = 0; k < Batch; k++)
        {
            if (engine.Apply(orders[next]) == CommandResult.Ok) accepted++;
            if (++next == orders.Length) next = 0;
        }
        _next = next;
        _applied += Batch;
        return accepted;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var exits = BenchWorld.ForcedExits(_engine) - _exitsAfterWarm;
        Console.WriteLine($"// EngineThroughput: {_applied:N0} orders applied in this process, {exits:N0} forced exits among them, price {_engine.Price}, {_engine.MembersAwaitingExit:N0} members in the exit queue");
    }
}
