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
            Levels = [new MemberLevel("V1", Money.FromYuan(10_000), Rate.Percent(0.1m)), new MemberLevel("V2", Money.FromYuan(50_000), Rate.Percent(0.3m))],
            Differential = ModeSettlement.Wallet,
            Peer = ModeSettlement.Offline,
            DepthMax = 7,
            ShareholderDividend = ModeSettlement.Offline,
            CityAgentFee = Money.FromYuan(123_456.78m),
            Binding = BindingPolicy.LatestWins,
            BindingLapseDays = 9,
        };
        var text = EngineConfigJson.Write(config);
        Assert.Equal(text, EngineConfigJson.Write(EngineConfigJson.Read(text)));
        Assert.Equal(config.ReferralLevels, EngineConfigJson.Read(text).ReferralLevels);
        Assert.Equal(config.Levels, EngineConfigJson.Read(text).Levels);
        Assert.Equal((ModeSettlement.Wallet, ModeSettlement.Offline, 7), (EngineConfigJson.Read(text).Differential, EngineConfigJson.Read(text).Peer, EngineConfigJson.Read(text).DepthMax));
    }

    [Fact]
    public void TheModesOldKeys_StillRead()
    {
        var config = EngineConfigJson.Read("""{"peerReward":"0.05","multiLevelDifferential":true}""");
        Assert.Equal((ModeSettlement.Offline, ModeSettlement.Offline, Rate.Percent(5)), (config.Differential, config.Peer, config.PeerRate));
    }
}
