using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Tests;

public class BuiltInScenariosTests
{
    [Fact]
    public void EveryBuiltIn_IsValid_AndNamedUniquely()
    {
        Assert.All(BuiltInScenarios.All, s => Assert.Empty(ScenarioValidation.Problems(s)));
        Assert.Equal(BuiltInScenarios.All.Count, BuiltInScenarios.All.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("steady-growth")]
    [InlineData("stops-growing")]
    [InlineData("mass-selloff")]
    [InlineData("financing-subsidy")]
    [InlineData("exit-2x")]
    [InlineData("modes")]
    [InlineData("large")]
    public void IssueSixScenario_IsBuiltIn(string name) => Assert.NotNull(BuiltInScenarios.Find(name));

    [Fact]
    public void Large_PlansAboutTenMillionOrders_ByOneMillionMembers()
    {
        var large = BuiltInScenarios.Large;
        // First orders plus the expected repeat orders of everyone who arrived before each day.
        var arrivals = Running.ArrivalPlan.PerDay(large.Growth, large.Days);
        double arrived = 0, orders = 0;
        foreach (var today in arrivals)
        {
            orders += today + arrived * large.RepeatOrdersPerMemberPerDay;
            arrived += today;
        }
        Assert.Equal(1_000_000, arrived);
        Assert.InRange(orders, 10_000_000, 10_100_000);
    }
}
