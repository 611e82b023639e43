using System.Globalization;
using System.Text;
using System.Text.Json;
using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// Configuration keys (camelCase, values as decimal strings: <c>"exitMultiple":"2.0"</c>), read onto a
/// base configuration and written back. The same keys serve the replay's <c>config</c> event,
/// configuration files, and the journal and snapshots; each key is declared once, both ways.
/// </summary>
public static class ConfigJson
{
    private delegate EngineConfig Setter(EngineConfig config, JsonElement value);

    /// <summary>A key: how to read it onto a configuration and, unless it is only an alias, how to write it.</summary>
    private sealed record Key(string Name, Setter Read, Action<Utf8JsonWriter, EngineConfig>? Write);

    private static readonly Key[] AllKeys =
    [
        RateKey("commission", c => c.Commission, (c, r) => c with { Commission = r }),
        RateKey("platformProfit", c => c.PlatformProfit, (c, r) => c with { PlatformProfit = r }),
        RateKey("distributionBudget", c => c.DistributionBudget, (c, r) => c with { DistributionBudget = r }),
        RateKey("poolContribution", c => c.PoolContribution, (c, r) => c with { PoolContribution = r }),
        RateKey("mintShare", c => c.MintShare, (c, r) => c with { MintShare = r }),
        RateKey("payout", c => c.Payout, (c, r) => c with { Payout = r }),
        RateKey("exitMultiple", c => c.ExitMultiple, (c, r) => c with { ExitMultiple = r }),
        // Aliases of the first two referral levels, read only: "referralLevels" writes them all.
        new("directReward", (c, v) => c with { ReferralLevels = ReplaceLevel(c.ReferralLevels, 0, ReadRate(v)) }, null),
        new("indirectReward", (c, v) => c with { ReferralLevels = ReplaceLevel(c.ReferralLevels, 1, ReadRate(v)) }, null),
        new("referralLevels", (c, v) => c with { ReferralLevels = v.EnumerateArray().Select(ReadRate).ToArray() }, (json, c) =>
        {
            json.WriteStartArray("referralLevels");
            foreach (var level in c.ReferralLevels) json.WriteStringValue(RateText(level));
            json.WriteEndArray();
        }),
        RateKey("recruiterReward", c => c.RecruiterReward, (c, r) => c with { RecruiterReward = r }),
        RateKey("districtAgent", c => c.DistrictAgent, (c, r) => c with { DistrictAgent = r }),
        RateKey("cityAgent", c => c.CityAgent, (c, r) => c with { CityAgent = r }),
        RateKey("provinceAgent", c => c.ProvinceAgent, (c, r) => c with { ProvinceAgent = r }),
        new("levels", (c, v) => c with { Levels = ReadLevels(v) }, WriteLevels),
        ModeKey("differential", c => c.Differential, (c, m) => c with { Differential = m }),
        ModeKey("peer", c => c.Peer, (c, m) => c with { Peer = m }),
        RateKey("peerRate", c => c.PeerRate, (c, r) => c with { PeerRate = r }),
        new("depthMax", (c, v) => c with { DepthMax = ReadCount(v) }, (json, c) => json.WriteNumber("depthMax", c.DepthMax)),
        ModeKey("shareholderDividend", c => c.ShareholderDividend, (c, m) => c with { ShareholderDividend = m }),
        RateKey("dividendShare", c => c.DividendShare, (c, r) => c with { DividendShare = r }),
        // The keys of the modes before they existed, which journals written then hold, read only: a rate switches the peer
        // reward on offline at that rate, true the differential offline (both pay nothing without levels).
        new("peerReward", (c, v) => ReadRate(v) is var rate && rate == Rate.Zero ? c : c with { Peer = ModeSettlement.Offline, PeerRate = rate }, null),
        new("multiLevelDifferential", (c, v) => v.GetBoolean() ? c with { Differential = ModeSettlement.Offline } : c, null),
        MoneyKey("districtAgentFee", c => c.DistrictAgentFee, (c, m) => c with { DistrictAgentFee = m }),
        MoneyKey("cityAgentFee", c => c.CityAgentFee, (c, m) => c with { CityAgentFee = m }),
        MoneyKey("provinceAgentFee", c => c.ProvinceAgentFee, (c, m) => c with { ProvinceAgentFee = m }),
        RateKey("shoppingPointsMaxShare", c => c.ShoppingPointsMaxShare, (c, r) => c with { ShoppingPointsMaxShare = r }),
        RateKey("platformProductMargin", c => c.PlatformProductMargin, (c, r) => c with { PlatformProductMargin = r }),
        RateKey("shoppingPointsStoreRebate", c => c.ShoppingPointsStoreRebate, (c, r) => c with { ShoppingPointsStoreRebate = r }),
        RateKey("shoppingReferrerReward", c => c.ShoppingReferrerReward, (c, r) => c with { ShoppingReferrerReward = r }),
        DaysKey("shoppingPointsExpiryDays", c => c.ShoppingPointsExpiryDays, (c, d) => c with { ShoppingPointsExpiryDays = d }),
        RateKey("partnerPoolShare", c => c.PartnerPoolShare, (c, r) => c with { PartnerPoolShare = r }),
        RateKey("shareholderDividendShare", c => c.ShareholderDividendShare, (c, r) => c with { ShareholderDividendShare = r }),
        RateKey("initiatorBonus", c => c.InitiatorBonus, (c, r) => c with { InitiatorBonus = r }),
        RateKey("productCommissionMin", c => c.ProductCommissionMin, (c, r) => c with { ProductCommissionMin = r }),
        RateKey("productCommissionMax", c => c.ProductCommissionMax, (c, r) => c with { ProductCommissionMax = r }),
        MoneyKey("withdrawalMinimum", c => c.WithdrawalMinimum, (c, m) => c with { WithdrawalMinimum = m }),
        RateKey("withdrawalFee", c => c.WithdrawalFee, (c, r) => c with { WithdrawalFee = r }),
        MoneyKey("amountMax", c => c.AmountMax, (c, m) => c with { AmountMax = m }),
        MoneyKey("cardPriceMax", c => c.CardPriceMax, (c, m) => c with { CardPriceMax = m }),
        DaysKey("cardValidDaysMax", c => c.CardValidDaysMax, (c, d) => c with { CardValidDaysMax = d }),
        RateKey("cardDiscountMax", c => c.CardDiscountMax, (c, r) => c with { CardDiscountMax = r }),
        RateKey("cardOpeningShoppingPointsMaxMultiple", c => c.CardOpeningShoppingPointsMaxMultiple, (c, r) => c with { CardOpeningShoppingPointsMaxMultiple = r }),
        MoneyKey("partnerReferralRewardMax", c => c.PartnerReferralRewardMax, (c, m) => c with { PartnerReferralRewardMax = m }),
        RateKey("shoppingPointsRateMax", c => c.ShoppingPointsRateMax, (c, r) => c with { ShoppingPointsRateMax = r }),
        new("binding", (c, v) => c with { Binding = ReadChoice<BindingPolicy>(v) },
            (json, c) => json.WriteString("binding", c.Binding.ToString())),
        DaysKey("bindingLapseDays", c => c.BindingLapseDays, (c, d) => c with { BindingLapseDays = d }),
    ];

    private static readonly Dictionary<string, Setter> Setters = AllKeys.ToDictionary(key => key.Name, key => key.Read, StringComparer.Ordinal);

    public static IEnumerable<string> Keys => Setters.Keys;

    /// <summary>Every written key of the configuration, as <see cref="TryReadKeys"/> reads it back.</summary>
    public static string Write(EngineConfig config)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var key in AllKeys) key.Write?.Invoke(json, config);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

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

    private static Key RateKey(string name, Func<EngineConfig, Rate> get, Func<EngineConfig, Rate, EngineConfig> set) =>
        new(name, (c, v) => set(c, ReadRate(v)), (json, c) => json.WriteString(name, RateText(get(c))));

    private static Key MoneyKey(string name, Func<EngineConfig, Money> get, Func<EngineConfig, Money, EngineConfig> set) =>
        new(name, (c, v) => set(c, ReadMoney(v)), (json, c) => json.WriteString(name, get(c).ToString()));

    private static Key DaysKey(string name, Func<EngineConfig, int> get, Func<EngineConfig, int, EngineConfig> set) =>
        new(name, (c, v) => set(c, ReadDays(v)), (json, c) => json.WriteString(name, get(c).ToString(CultureInfo.InvariantCulture)));

    private static Key ModeKey(string name, Func<EngineConfig, ModeSettlement> get, Func<EngineConfig, ModeSettlement, EngineConfig> set) =>
        new(name, (c, v) => set(c, ReadMode(v)), (json, c) => json.WriteString(name, ModeText(get(c))));

    private static string ModeText(ModeSettlement mode) => mode.ToString().ToLowerInvariant();

    /// <summary>"off", "offline" or "wallet" (absent is off); a JSON null is off too.</summary>
    private static ModeSettlement ReadMode(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? ModeSettlement.Off : ReadChoice<ModeSettlement>(value);

    private static MemberLevel[] ReadLevels(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException("levels is an array of {name, teamSpend, rate}");
        return value.EnumerateArray().Select(level =>
        {
            if (level.ValueKind != JsonValueKind.Object || !level.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !level.TryGetProperty("teamSpend", out var teamSpend) || !level.TryGetProperty("rate", out var rate))
                throw new FormatException("a level is {\"name\":\"V1\",\"teamSpend\":\"10000.00\",\"rate\":\"0.001\"}");
            return new MemberLevel(name.GetString()!, ReadMoney(teamSpend), ReadRate(rate));
        }).ToArray();
    }

    private static void WriteLevels(Utf8JsonWriter json, EngineConfig config)
    {
        json.WriteStartArray("levels");
        foreach (var level in config.Levels)
        {
            json.WriteStartObject();
            json.WriteString("name", level.Name);
            json.WriteString("teamSpend", level.TeamSpend.ToString());
            json.WriteString("rate", RateText(level.Rate));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A count: a JSON integer (as REPLAY.md writes depthMax) or a string of digits.</summary>
    private static int ReadCount(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) ? count
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out count) ? count
        : throw new FormatException("a count is an integer such as 20");

    private static string RateText(Rate rate) => rate.Value.ToString(CultureInfo.InvariantCulture);

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

    /// <summary>One of the enum's names (any case); never a number, which <see cref="Enum.Parse{T}(string)"/> would take.</summary>
    private static T ReadChoice<T>(JsonElement value) where T : struct, Enum
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var name = Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        return name is null ? throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames<T>())}") : Enum.Parse<T>(name);
    }

    private static Rate[] ReplaceLevel(IReadOnlyList<Rate> levels, int depth, Rate rate)
    {
        var result = levels.ToList();
        while (result.Count <= depth) result.Add(Rate.Zero);
        result[depth] = rate;
        return result.ToArray();
    }
}
