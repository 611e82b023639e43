using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ValuePool.Core.Configuration;

namespace ValuePool.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (docs/SIMULATOR.md): camelCase keys, unknown keys refused so a typo cannot
/// silently fall back to a default, and the "config" object read with the engine's own keys.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static bool TryRead(string json, out Scenario scenario, out string error)
    {
        scenario = new Scenario();
        try
        {
            if (JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) is not JsonObject root)
            {
                error = "a scenario is a JSON object";
                return false;
            }
            var configNode = root["config"];
            root.Remove("config");
            scenario = root.Deserialize<Scenario>(Options) ?? new Scenario();
            if (configNode is not null)
            {
                using var config = JsonDocument.Parse(configNode.ToJsonString());
                if (!ConfigJson.TryRead(config.RootElement, EngineConfig.Default, out var engine, out var configError))
                {
                    error = $"config: {configError}";
                    return false;
                }
                scenario = scenario with { Engine = engine };
            }
        }
        catch (JsonException e)
        {
            error = $"malformed scenario JSON: {e.Message}";
            return false;
        }
        var problems = ScenarioValidation.Problems(scenario);
        error = string.Join("; ", problems);
        return problems.Count == 0;
    }
}
