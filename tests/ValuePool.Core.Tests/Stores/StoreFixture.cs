using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Tests.Stores;

internal static class StoreFixture
{
    public static readonly DateOnly Day = new(2026, 11, 24);
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static ValuePoolEngine EngineWithStore(StoreTerms? terms = null, EngineConfig? config = null)
    {
        var engine = new ValuePoolEngine(config);
        Assert.Equal(CommandResult.Ok, engine.Apply(new RegisterStore("s1", "owner", null, new Region(["gd", "dg", "songshan"]), At(Day))
        {
            Terms = terms ?? StoreTerms.Default,
        }));
        return engine;
    }

    public static CommandResult BuyAt(this ValuePoolEngine engine, string member, decimal yuan, DateOnly day, string store = "s1",
        CheckoutBenefit benefit = CheckoutBenefit.None) =>
        engine.Apply(new Consume(member, store, Money.FromYuan(yuan), At(day)) { Benefit = benefit });

    public static StoreView Store(this ValuePoolEngine engine, string id = "s1") => engine.FindStore(id)!;
}

internal static class StateDigests
{
    /// <summary>A hash of the engine's whole state (its snapshot bytes): equal digests, equal states.</summary>
    public static string StateDigest(this ValuePoolEngine engine)
    {
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer)) engine.WriteState(output);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
    }
}
