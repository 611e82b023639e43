using System.Text.Json;
using ValuePool.Core.Configuration;

namespace ValuePool.Storage.Codec;

/// <summary>
/// The configuration as the journal and snapshots store it: every key of <see cref="ConfigJson"/>, read
/// back by the very parser that reads configuration files, so keys are declared once for both.
/// </summary>
public static class EngineConfigJson
{
    public static string Write(EngineConfig config) => ConfigJson.Write(config);

    /// <summary>Reads what <see cref="Write"/> wrote, without validation: a refused configuration is journaled as it came.</summary>
    public static EngineConfig Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        if (!ConfigJson.TryReadKeys(document.RootElement, EngineConfig.Default, out var config, out var error))
            throw new InvalidDataException($"stored configuration: {error}");
        return config;
    }
}
