using ValuePool.Core.Engine;

namespace ValuePool.Bench;

/// <summary>
/// <c>--memory</c>: managed heap held by an engine with 1,000,000 members (each with one consume,
/// about half bound to a referrer), as GC.GetTotalMemory(true) after minus before. The member id
/// strings are counted: the engine keeps them.
/// </summary>
public static class MemoryPerMember
{
    public static int Run()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var engine = BenchWorld.Build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytes = after - before;
        Console.WriteLine($"members: {engine.MemberCount:N0}");
        Console.WriteLine($"engine heap: {bytes:N0} bytes ({bytes / 1048576.0:F1} MiB)");
        Console.WriteLine($"bytes per member: {(double)bytes / engine.MemberCount:F1}");
        Console.WriteLine($"forced exits while building: {BenchWorld.ForcedExits(engine):N0}");
        GC.KeepAlive(engine);
        return 0;
    }
}
