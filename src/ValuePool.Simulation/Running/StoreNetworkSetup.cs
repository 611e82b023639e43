using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Running;

/// <summary>
/// Day 0, before any member: the stores (with their owners and recruiters) and, if asked, an agent for
/// every province, city and district. Owners and agents are engine members who never buy; they are
/// registered first (the runner maps each consumer to its engine index as it arrives).
/// </summary>
internal static class StoreNetworkSetup
{
    public static string[] Build(ValuePoolEngine engine, StoreNetwork network, SeededRandom random, DateTimeOffset at)
    {
        var districts = network.Provinces * network.CitiesPerProvince * network.DistrictsPerCity;
        var storeIds = new string[network.Count];
        for (var s = 0; s < network.Count; s++)
        {
            storeIds[s] = $"store-{s}";
            var recruiter = s > 0 && random.Chance(network.RecruitedShare) ? OwnerId(random.Next(s)) : null;
            Expect(engine.Apply(new RegisterStore(storeIds[s], OwnerId(s), recruiter, DistrictRegion(network, s % districts), at)));
        }
        if (network.Agents) AppointAgents(engine, network, districts, at);
        return storeIds;
    }

    private static void AppointAgents(ValuePoolEngine engine, StoreNetwork network, int districts, DateTimeOffset at)
    {
        var appointed = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < districts; d++)
        {
            var district = DistrictRegion(network, d);
            foreach (var level in (ReadOnlySpan<AgentLevel>)[AgentLevel.Province, AgentLevel.City, AgentLevel.District])
            {
                var region = new Region(district.Parts.Take((int)level).ToArray());
                if (appointed.Add(region.ToString()))
                    Expect(engine.Apply(new AppointAgent($"agent-{region}", level, region, at)));
            }
        }
    }

    private static Region DistrictRegion(StoreNetwork network, int district)
    {
        var city = district / network.DistrictsPerCity;
        var province = city / network.CitiesPerProvince;
        return new Region([$"p{province}", $"p{province}c{city}", $"p{province}c{city}d{district}"]);
    }

    public static string OwnerId(int store) => $"owner-{store}";

    private static void Expect(CommandResult result)
    {
        if (result != CommandResult.Ok) throw new InvalidOperationException($"simulator setup refused: {result.Describe()}");
    }
}
