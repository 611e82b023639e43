using System.Text.Json;
using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// Reads configuration keys (camelCase, values as decimal strings: <c>"exitMultiple":"2.0"</c>) onto
/// a base configuration. The same keys serve the replay's <c>config</c> event and configuration files.
/// </summary>
public static class ConfigJson
{
    private delegate EngineConfig Setter(EngineConfig config, JsonElement value);

    private static readonly Dictionary<string, Setter> Setters = new(StringComparer.Ordinal)
    {
        ["commission"] = (c, v) => c with { Commission = ReadRate(v) },
        ["platformProfit"] = (c, v) => c with { PlatformProfit = ReadRate(v) },
        ["distributionBudget"] = (c, v) => c with { DistributionBudget = ReadRate(v) },
        ["poolContribution"] = (c, v) => c with { PoolContribution = ReadRate(v) },
        ["mintShare"] = (c, v) => c with { MintShare = ReadRate(v) },
        ["payout"] = (c, v) => c with { Payout = ReadRate(v) },
        ["exitMultiple"] = (c, v) => c with { ExitMultiple = ReadRate(v) },
        ["directReward"] = (c, v) => c with { ReferralLevels = ReplaceLevel(c.ReferralLevels, 0, ReadRate(v)) },
        ["indirectReward"] = (c, v) => c with { ReferralLevels = ReplaceLevel(c.ReferralLevels, 1, ReadRate(v)) },
        ["referralLevels"] = (c, v) => c with { ReferralLevels = v.EnumerateArray().Select(ReadRate).ToArray() },
        ["recruiterReward"] = (c, v) => c with { RecruiterReward = ReadRate(v) },
        ["districtAgent"] = (c, v) => c with { DistrictAgent = ReadRate(v) },
        ["cityAgent"] = (c, v) => c with { CityAgent = ReadRate(v) },
        ["provinceAgent"] = (c, v) => c with { ProvinceAgent = ReadRate(v) },
        ["peerReward"] = (c, v) => c with { PeerReward = ReadRate(v) },
        ["multiLevelDifferential"] = (c, v) => c with { MultiLevelDifferential = v.GetBoolean() },
        ["districtAgentFee"] = (c, v) => c with { DistrictAgentFee = ReadMoney(v) },
        ["cityAgentFee"] = (c, v) => c with { CityAgentFee = ReadMoney(v) },
        ["provinceAgentFee"] = (c, v) => c with { ProvinceAgentFee = ReadMoney(v) },
        ["shoppingPointsMaxShare"] = (c, v) => c with { ShoppingPointsMaxShare = ReadRate(v) },
        ["platformProductMargin"] = (c, v) => c with { PlatformProductMargin = ReadRate(v) },
        ["shoppingPointsStoreRebate"] = (c, v) => c with { ShoppingPointsStoreRebate = ReadRate(v) },
        ["shoppingReferrerReward"] = (c, v) => c with { ShoppingReferrerReward = ReadRate(v) },
        ["shoppingPointsExpiryDays"] = (c, v) => c with { ShoppingPointsExpiryDays = ReadDays(v) },
        ["partnerPoolShare"] = (c, v) => c with { PartnerPoolShare = ReadRate(v) },
        ["shareholderDividendShare"] = (c, v) => c with { ShareholderDividendShare = ReadRate(v) },
        ["initiatorBonus"] = (c, v) => c with { InitiatorBonus = ReadRate(v) },
        ["productCommissionMin"] = (c, v) => c with { ProductCommissionMin = ReadRate(v) },
        ["productCommissionMax"] = (c, v) => c with { ProductCommissionMax = ReadRate(v) },
        ["withdrawalMinimum"] = (c, v) => c with { WithdrawalMinimum = ReadMoney(v) },
        ["withdrawalFee"] = (c, v) => c with { WithdrawalFee = ReadRate(v) },
        ["binding"] = (c, v) => c with { Binding = Enum.Parse<BindingPolicy>(v.GetString()!, ignoreCase: true) },
        ["bindingLapseDays"] = (c, v) => c with { BindingLapseDays = ReadDays(v) },
    };

    public static IEnumerable<string> Keys => Setters.Keys;

    /// <summary>Applies every key of <paramref name="json"/> but those in <paramref name="ignoredKeys"/>, then validates.</summary>
    public static bool TryRead(JsonElement json, EngineConfig baseConfig, out EngineConfig config, out string error,
        params string[] ignoredKeys)
    {
        if (!TryReadKeys(json, baseConfig, out config, out error, ignoredKeys)) return false;
        var problems = ConfigValidation.Problems(config);
        error = string.Join("; ", problems);
        return problems.Count == 0;
    }

    /// <summary>Applies the keys without validating the result: for the audit, which reports invalid settings too.</summary>
    public static bool TryReadKeys(JsonElement json, EngineConfig baseConfig, out EngineConfig config, out string error,
        params string[] ignoredKeys)
    {
        config = baseConfig;
        error = "";
        if (json.ValueKind != JsonValueKind.Object) { error = "the configuration must be a JSON object"; return false; }
        foreach (var property in json.EnumerateObject())
        {
            if (ignoredKeys.Contains(property.Name)) continue;
            if (!Setters.TryGetValue(property.Name, out var set))
            {
                error = $"unknown configuration key \"{property.Name}\" (known: {string.Join(", ", Setters.Keys)})";
                return false;
            }
            try { config = set(config, property.Value); }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
            {
                error = $"\"{property.Name}\": {e.Message}";
                return false;
            }
        }
        return true;
    }

    private static Rate ReadRate(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw new FormatException("a rate is a decimal string such as \"0.2\"");
        if (!AmountText.TryParseDecimal(value.GetString(), 6, out var rate, out var error)) throw new FormatException(error);
        return Rate.FromDecimal(rate);
    }

    private static int ReadDays(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, null, out var days)
            ? days : throw new FormatException("a number of days is a string of digits such as \"30\"");

    private static Money ReadMoney(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw new FormatException("an amount is a decimal string such as \"50000.00\"");
        if (!AmountText.TryParseDecimal(value.GetString(), Money.Decimals, out var yuan, out var error)) throw new FormatException(error);
        return Money.FromYuan(yuan);
    }

    private static Rate[] ReplaceLevel(IReadOnlyList<Rate> levels, int depth, Rate rate)
    {
        var result = levels.ToList();
        while (result.Count <= depth) result.Add(Rate.Zero);
        result[depth] = rate;
        return result.ToArray();
    }
}
