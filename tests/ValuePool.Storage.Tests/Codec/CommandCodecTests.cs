using System.Reflection;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using ValuePool.Storage.Codec;

namespace ValuePool.Storage.Tests.Codec;

public sealed class CommandCodecTests
{
    /// <summary>Every concrete command in Core, found by reflection: a new one without a codec case fails here.</summary>
    public static TheoryData<string> CommandTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract))
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandTypes))]
    public void EveryCommand_RoundTrips(string typeName)
    {
        var type = typeof(Command).Assembly.GetType(typeName)!;
        var command = Sample(type);
        var encoded = CommandCodec.Encode(command);
        var decoded = CommandCodec.Decode(encoded);
        Assert.Equal(type, decoded.GetType());
        Assert.Equal(encoded, CommandCodec.Encode(decoded));
        if (command is not Configure) Assert.Equal(command, decoded); // a configuration's lists compare by reference; its bytes matched above
        Assert.Equal(command.At, decoded.At);
        Assert.Equal(command.At.Offset, decoded.At.Offset);
    }

    [Fact]
    public void SameRequest_IgnoresTheTime_ButNoField()
    {
        var order = new Consume("m1", "s1", new Money(100), Workload.Start);
        Assert.True(CommandCodec.SameRequest(CommandCodec.Encode(order), CommandCodec.Encode(order with { At = order.At.AddDays(1) })));
        Assert.False(CommandCodec.SameRequest(CommandCodec.Encode(order), CommandCodec.Encode(order with { Store = null })));
        Assert.False(CommandCodec.SameRequest(CommandCodec.Encode(order), CommandCodec.Encode(new Sell("m1", new Points(100), order.At))));
    }

    [Fact]
    public void TruncatedBytes_AreRefused()
    {
        var encoded = CommandCodec.Encode(new Consume("m1", "s1", new Money(100), Workload.Start));
        Assert.Throws<EndOfStreamException>(() => CommandCodec.Decode(encoded[..^1]));
        Assert.Throws<InvalidDataException>(() => CommandCodec.Decode([.. encoded, 0]));
    }

    /// <summary>A command with every constructor parameter and init property filled by a non-default value of its type.</summary>
    private static Command Sample(Type type)
    {
        var constructor = type.GetConstructors().Single();
        var parameters = constructor.GetParameters();
        var command = (Command)constructor.Invoke(parameters.Select(p => SampleValue(p.ParameterType, p.Name!)).ToArray());
        // Consume.MemberIndex is the edge's resolution of the buyer's id, not part of the command: never journaled.
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.DeclaringType == type && parameters.All(a => a.Name != p.Name)
                     && p.Name != nameof(Consume.MemberIndex)))
            property.SetValue(command, SampleValue(property.PropertyType, property.Name));
        return command;
    }

    private static object SampleValue(Type type, string name) => type switch
    {
        _ when type == typeof(string) => $"{name}-7",
        _ when type == typeof(Money) => new Money(123_456),
        _ when type == typeof(Points) => new Points(66_6400),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.FromHours(8)),
        _ when type == typeof(Region) => new Region(["gd", "dg", "songshan"]),
        _ when type == typeof(AgentLevel) => AgentLevel.City,
        _ when type == typeof(EngineConfig) => EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m), ReferralLevels = [Rate.Percent(0.3m)], Binding = BindingPolicy.Lapsing },
        _ when type == typeof(DateOnly) => new DateOnly(2026, 11, 24),
        _ when type == typeof(Rate) => Rate.FromDecimal(0.04m),
        _ when type == typeof(ShoppingPoints) => new ShoppingPoints(7_000),
        _ when type == typeof(StoreTerms) => new StoreTerms { ShoppingPointsRate = Rate.FromDecimal(2.5m), PartnerSpend = new Money(500_000), PartnerSplit = PartnerSplit.Weighted, PartnerPeriod = PartnerPeriod.Monthly, PartnerReferralReward = new Money(1_000) },
        _ when type == typeof(MembershipCardTerms) => new MembershipCardTerms { Price = new Money(29_900), Discount = Rate.FromDecimal(0.22m), OpeningShoppingPoints = new ShoppingPoints(50_000), SellerReward = new Money(3_000), ValidDays = 90, DailySpecialPrice = new Money(990), FreeItemDays = 30 },
        _ when type == typeof(OrderRates) => new OrderRates(Rate.Percent(25), Rate.Percent(20), Rate.Percent(3)) { ReferralLevels = [Rate.Percent(1)], RecruiterReward = Rate.Percent(1) },
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 7L,
        _ when type == typeof(bool) => true,
        _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
        _ => throw new InvalidOperationException($"no sample value for {type.Name} {name}: add one to this test"),
    };
}
