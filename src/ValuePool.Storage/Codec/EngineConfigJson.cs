using System.Globalization;
using System.Text;
using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Storage.Codec;

/// <summary>
/// Writes a configuration with every key of <see cref="ConfigJson"/> (decimal strings), so the
/// journal and snapshots read it back with the very parser that reads configuration files: one
/// reading of configuration keys, not two. Each key is the camelCase name of its property.
/// </summary>
public static class EngineConfigJson
{
    public static string Write(EngineConfig config)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteRate(json, "commission", config.Commission);
            WriteRate(json, "platformProfit", config.PlatformProfit);
            WriteRate(json, "distributionBudget", config.DistributionBudget);
            WriteRate(json, "poolContribution", config.PoolContribution);
            WriteRate(json, "mintShare", config.MintShare);
            WriteRate(json, "payout", config.Payout);
            WriteRate(json, "exitMultiple", config.ExitMultiple);
            json.WriteStartArray("referralLevels");
            foreach (var level in config.ReferralLevels) json.WriteStringValue(RateText(level));
            json.WriteEndArray();
            WriteRate(json, "recruiterReward", config.RecruiterReward);
            WriteRate(json, "districtAgent", config.DistrictAgent);
            WriteRate(json, "cityAgent", config.CityAgent);
            WriteRate(json, "provinceAgent", config.ProvinceAgent);
            WriteRate(json, "peerReward", config.PeerReward);
            json.WriteBoolean("multiLevelDifferential", config.MultiLevelDifferential);
            WriteMoney(json, "districtAgentFee", config.DistrictAgentFee);
            WriteMoney(json, "cityAgentFee", config.CityAgentFee);
            WriteMoney(json, "provinceAgentFee", config.ProvinceAgentFee);
            WriteRate(json, "shoppingPointsMaxShare", config.ShoppingPointsMaxShare);
            WriteRate(json, "platformProductMargin", config.PlatformProductMargin);
            WriteRate(json, "shoppingPointsStoreRebate", config.ShoppingPointsStoreRebate);
            WriteRate(json, "shoppingReferrerReward", config.ShoppingReferrerReward);
            json.WriteString("shoppingPointsExpiryDays", config.ShoppingPointsExpiryDays.ToString(CultureInfo.InvariantCulture));
            WriteRate(json, "partnerPoolShare", config.PartnerPoolShare);
            WriteRate(json, "shareholderDividendShare", config.ShareholderDividendShare);
            WriteRate(json, "initiatorBonus", config.InitiatorBonus);
            WriteRate(json, "productCommissionMin", config.ProductCommissionMin);
            WriteRate(json, "productCommissionMax", config.ProductCommissionMax);
            WriteMoney(json, "withdrawalMinimum", config.WithdrawalMinimum);
            WriteRate(json, "withdrawalFee", config.WithdrawalFee);
            json.WriteString("binding", config.Binding.ToString());
            json.WriteString("bindingLapseDays", config.BindingLapseDays.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote, without validation: a refused configuration is journaled as it came.</summary>
    public static EngineConfig Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        if (!ConfigJson.TryReadKeys(document.RootElement, EngineConfig.Default, out var config, out var error))
            throw new InvalidDataException($"stored configuration: {error}");
        return config;
    }

    private static string RateText(Rate rate) => rate.Value.ToString(CultureInfo.InvariantCulture);

    private static void WriteRate(Utf8JsonWriter json, string key, Rate rate) => json.WriteString(key, RateText(rate));

    private static void WriteMoney(Utf8JsonWriter json, string key, Money money) => json.WriteString(key, money.ToString());
}
