using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Storage.Codec;

namespace ValuePool.Storage.Tests.Codec;

public sealed class EngineConfigJsonTests
{
    [Fact]
    public void EveryConfigurationProperty_IsWritten_UnderItsCamelCaseKey()
    {
        using var json = JsonDocument.Parse(EngineConfigJson.Write(EngineConfig.Default));
        var written = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var properties = typeof(EngineConfig).GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        Assert.Subset(written, properties.ToHashSet());
    }

    [Fact]
    public void AChangedConfiguration_ReadsBackTheSame()
    {
        var config = EngineConfig.Default with
        {
            Commission = Rate.FromDecimal(0.25m),
            ReferralLevels = [Rate.Percent(0.4m), Rate.Percent(0.1m), Rate.Percent(0.05m)],
            MultiLevelDifferential = true,
            CityAgentFee = Money.FromYuan(123_456.78m),
            Binding = BindingPolicy.LatestWins,
            BindingLapseDays = 9,
        };
        var text = EngineConfigJson.Write(config);
        Assert.Equal(text, EngineConfigJson.Write(EngineConfigJson.Read(text)));
        Assert.Equal(config.ReferralLevels, EngineConfigJson.Read(text).ReferralLevels);
    }
}
