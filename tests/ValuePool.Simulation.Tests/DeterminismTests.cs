using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Tests;

/// <summary>A report is only worth showing if anyone can reproduce it from the scenario and the seed.</summary>
public class DeterminismTests
{
    private static string SummaryOf(Scenarios.Scenario scenario) => SummaryJson.Write(SummaryBuilder.Build(SimulationRunner.Run(scenario)));

    [Fact]
    public void SameScenarioAndSeed_GiveIdenticalSummaries()
    {
        Assert.Equal(SummaryOf(SmallScenario.WithExits), SummaryOf(SmallScenario.WithExits));
    }

    [Fact]
    public void AnotherSeed_GivesAnotherRun()
    {
        Assert.NotEqual(SummaryOf(SmallScenario.WithExits), SummaryOf(SmallScenario.WithExits with { Seed = 8 }));
    }

    [Fact]
    public void SameSeed_GivesIdenticalDailySamples()
    {
        var first = SimulationRunner.Run(SmallScenario.WithExits);
        var second = SimulationRunner.Run(SmallScenario.WithExits);
        Assert.Equal(first.Days, second.Days);
    }
}
