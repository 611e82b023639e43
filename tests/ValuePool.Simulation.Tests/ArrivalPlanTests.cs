using ValuePool.Simulation.Running;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Tests;

public class ArrivalPlanTests
{
    [Theory]
    [InlineData(GrowthShape.Constant)]
    [InlineData(GrowthShape.Accelerating)]
    [InlineData(GrowthShape.Logistic)]
    public void EveryMember_ArrivesExactlyOnce_WhenGrowthNeverStops(GrowthShape shape)
    {
        var arrivals = ArrivalPlan.PerDay(new Growth { Members = 12_345, Shape = shape }, days: 97);
        Assert.Equal(12_345, arrivals.Sum());
        Assert.All(arrivals, count => Assert.True(count >= 0));
    }

    [Fact]
    public void NobodyArrives_FromTheStopDayOn()
    {
        var arrivals = ArrivalPlan.PerDay(new Growth { Members = 1_000, StopsOnDay = 30 }, days: 60);
        Assert.All(arrivals[30..], count => Assert.Equal(0, count));
        Assert.True(arrivals.Sum() < 1_000);
    }

    [Fact]
    public void ArrivalDays_ShorterThanTheHorizon_LeaveTheLastDaysEmpty()
    {
        var arrivals = ArrivalPlan.PerDay(new Growth { Members = 100, Shape = GrowthShape.Constant, ArrivalDays = 10 }, days: 20);
        Assert.All(arrivals[..10], count => Assert.Equal(10, count));
        Assert.All(arrivals[10..], count => Assert.Equal(0, count));
    }
}
