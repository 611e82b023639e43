using BenchmarkDotNet.Attributes;
using ValuePool.Core.Amounts;

namespace ValuePool.Bench;

/// <summary>
/// What one order's building blocks cost on their own, for docs/PERFORMANCE.md's "what stands in
/// the way": a member-id lookup in a 1M-entry ordinal dictionary (the engine's MemberBook), a
/// rate share of an amount (Int128 floor, 6 per store order), and the mint at PointPrice's exact fraction
/// (points = ⌊V · pointsUnits / poolFen⌋: one Int128 product and division per order).
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class EngineParts
{
    private const int N = 1_000_000;

    private readonly Dictionary<string, int> _members = new(StringComparer.Ordinal);
    private string[] _lookups = null!;
    private Money[] _amounts = null!;
    private Points[] _points = null!;
    private readonly Rate _rate = Rate.Percent(16);

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 1; i <= N; i++) _members[BenchWorld.MemberId(i)] = i;
        var random = new Random(3);
        // Fresh string instances, as a deserialised order would carry (no reference-equality shortcut).
        _lookups = Enumerable.Range(0, N).Select(_ => new string(BenchWorld.MemberId(random.Next(1, N + 1)).AsSpan())).ToArray();
        _amounts = Enumerable.Range(0, N).Select(_ => new Money(random.NextInt64(1_000, 200_001))).ToArray();
        _points = Enumerable.Range(0, N).Select(_ => new Points(random.NextInt64(1_000_000_000, 10_000_000_000))).ToArray();
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long MemberLookup()
    {
        long sum = 0;
        foreach (var id in _lookups) sum += _members[id];
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long MoneyShare()
    {
        long sum = 0;
        foreach (var amount in _amounts) sum += amount.Share(_rate).Fen;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long PriceAndMint()
    {
        long sum = 0;
        var pool = new Money(12_345_678_901);
        for (var k = 0; k < N; k++)
        {
            var price = PointPrice.Of(pool, _points[k]);          // a pair, no division
            sum += price.PointsFor(_amounts[k]).Units;           // Int128 product and division
        }
        return sum;
    }
}
