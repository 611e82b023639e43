using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Tests;

/// <summary>
/// A scenario small enough to run in well under a second that still exercises every feature: referrals,
/// agents, early sellers, a sell-off, and a subsidy big enough to force exits.
/// </summary>
internal static class SmallScenario
{
    public static readonly Scenario WithExits = new()
    {
        Name = "small",
        Seed = 7,
        Days = 60,
        Growth = new Growth { Members = 400, Shape = GrowthShape.Constant, ArrivalDays = 40 },
        RepeatOrdersPerMemberPerDay = 0.1,
        EarlySellers = new EarlySellers { Share = 0.2, AfterDays = 5 },
        SellOffs = [new SellOff(45, 0.3)],
        Subsidies = [new SubsidyRound(30, 200_000m, "A round")],
        Stores = new StoreNetwork { Count = 6 },
    };
}
