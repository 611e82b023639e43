using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Tests;

public class ScenarioJsonTests
{
    [Fact]
    public void FullScenario_ReadsEveryField_AndTheEngineConfig()
    {
        const string json = """
            {
              "name": "two-x", "title": { "zh": "两倍", "en": "Two" }, "seed": 3, "days": 90,
              "growth": { "members": 500, "shape": "accelerating", "arrivalDays": 60, "stopsOnDay": 50 },
              "repeatOrdersPerMemberPerDay": 0.2, "consumptionStopsOnDay": 70,
              "orderAmount": { "medianYuan": 50, "spread": 0.5, "minYuan": 10, "maxYuan": 500 },
              "earlySellers": { "share": 0.25, "afterDays": 3 },
              "sellOffs": [ { "day": 40, "share": 0.5 } ],
              "subsidies": [ { "day": 20, "amountYuan": 1000.50, "source": "A round" } ],
              "stores": { "count": 5, "provinces": 1, "citiesPerProvince": 1, "districtsPerCity": 2, "recruitedShare": 0, "agents": false },
              "referrals": { "storeQrShare": 0.1, "memberLinkShare": 0.2 },
              "config": { "exitMultiple": "2.0" }
            }
            """;
        Assert.True(ScenarioJson.TryRead(json, out var scenario, out var error), error);
        Assert.Equal(2.0m, scenario.Engine.ExitMultiple.Value);
        Assert.Equal(GrowthShape.Accelerating, scenario.Growth.Shape);
        Assert.Equal(50, scenario.Growth.StopsOnDay);
        Assert.Equal(new SubsidyRound(20, 1000.50m, "A round"), Assert.Single(scenario.Subsidies));
        Assert.Equal(new Bilingual("两倍", "Two"), scenario.Title);
        Assert.False(scenario.Stores.Agents);
    }

    [Fact]
    public void MissingFields_TakeTheDefaults()
    {
        Assert.True(ScenarioJson.TryRead("""{ "name": "tiny" }""", out var scenario, out _));
        Assert.Equal(new Scenario { Name = "tiny" }, scenario);
    }

    [Theory]
    [InlineData("""{ "name": "x", "dayz": 3 }""", "dayz")]
    [InlineData("""{ "name": "x", "days": 0 }""", "days must be")]
    [InlineData("""{ "name": "x", "growth": { "shape": "sideways" } }""", "malformed")]
    [InlineData("""{ "name": "x", "config": { "exitMultiple": "0.5" } }""", "config")]
    [InlineData("""{ "name": "x", "config": { "exitMultipel": "2" } }""", "unknown configuration key")]
    [InlineData("""{ "name": "x", """, "malformed")]
    [InlineData("""[1, 2]""", "JSON object")]
    public void BadScenario_IsRefused_WithAReason(string json, string reason)
    {
        Assert.False(ScenarioJson.TryRead(json, out _, out var error));
        Assert.Contains(reason, error);
    }
}
