using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;

namespace ValuePool.Core.Tests;

/// <summary>Short ways to write commands in tests.</summary>
internal static class Orders
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static Money Yuan(decimal yuan) => Money.FromYuan(yuan);
    public static Points Pts(decimal points) => Points.FromValue(points);

    public static CommandResult Buy(this ValuePoolEngine engine, string member, decimal yuan, string? store = null, DateTimeOffset? at = null) =>
        engine.Apply(new Consume(member, store, Yuan(yuan), at ?? Day1));

    public static CommandResult SellPoints(this ValuePoolEngine engine, string member, decimal points) =>
        engine.Apply(new Sell(member, Pts(points), Day1));

    public static CommandResult Refer(this ValuePoolEngine engine, string member, string referrer, DateTimeOffset? at = null) =>
        engine.Apply(new Bind(member, referrer, at ?? Day1));

    public static CommandResult OpenStore(this ValuePoolEngine engine, string id, string owner, string? recruiter = null,
        params string[] region) =>
        engine.Apply(new RegisterStore(id, owner, recruiter, new Region(region.Length > 0 ? region : ["gd", "dg", "songshan"]), Day1));

    public static MemberView Member(this ValuePoolEngine engine, string id) => engine.FindMember(id) ?? throw new KeyNotFoundException(id);
}
