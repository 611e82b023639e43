using System.Globalization;
using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Replay;

/// <summary>
/// Turns one line of REPLAY.md's format into an engine command. Syntax and field checks only;
/// rules that depend on state (enough points, a known store) are the engine's.
/// </summary>
public static class ReplayLineParser
{
    /// <summary>Orders without a "day" happen on REPLAY.md's default day.</summary>
    public static readonly DateTimeOffset DefaultDay = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Thrown for a malformed line; the message is the reason shown to the user.</summary>
    public sealed class BadLineException(string reason) : Exception(reason);

    /// <summary>Parses a line; a <c>config</c> event is read on top of <paramref name="currentConfig"/>.</summary>
    public static Command Parse(string line, EngineConfig currentConfig)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException e) { throw new BadLineException($"malformed JSON: {e.Message}"); }
        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object) throw new BadLineException("an event is a JSON object");
            var type = RequiredString(json, "type");
            var at = Time(json);
            return type switch
            {
                "config" => ReadConfig(json, currentConfig, at),
                "store" => new RegisterStore(RequiredString(json, "id"), RequiredString(json, "owner"),
                    OptionalString(json, "recruiter"), ReadRegion(json), at) { Terms = ReadStoreTerms(json) },
                "buy" => new BuyWithShoppingPoints(RequiredString(json, "member"), RequiredMoney(json, "amount"),
                    OptionalShoppingPoints(json, "shoppingPoints"), at),
                "partner" => new AddPartner(RequiredString(json, "store"), RequiredString(json, "member"), at),
                "shareholder" => new AddShareholder(RequiredString(json, "store"), RequiredString(json, "member"),
                    RequiredRate(json, "share"), OptionalMoney(json, "invested"), OptionalBool(json, "initiator"), at),
                "settle" => ReadSettlement(json, at),
                "agent" => new AppointAgent(RequiredString(json, "member"), ReadLevel(json), ReadRegion(json), at),
                "bind" => new Bind(RequiredString(json, "member"), RequiredString(json, "referrer"), at),
                "consume" => new Consume(RequiredString(json, "member"), OptionalString(json, "store"), RequiredMoney(json, "amount"), at),
                "sell" => new Sell(RequiredString(json, "member"), RequiredPoints(json, "points"), at),
                "subsidy" => new Subsidy(RequiredMoney(json, "amount"), OptionalString(json, "source") ?? "", at),
                _ => throw new BadLineException($"unknown event type \"{type}\""),
            };
        }
    }

    private static StoreTerms ReadStoreTerms(JsonElement json) => new()
    {
        ShoppingPointsRate = OptionalString(json, "shoppingPointsRate") is null ? StoreTerms.Default.ShoppingPointsRate : RequiredRate(json, "shoppingPointsRate"),
        PartnerSpend = OptionalString(json, "partnerSpend") is null ? null : RequiredMoney(json, "partnerSpend"),
        PartnerSplit = OptionalString(json, "partnerSplit") switch
        {
            null or "equal" => PartnerSplit.Equal,
            "weighted" => PartnerSplit.Weighted,
            var other => throw new BadLineException($"\"partnerSplit\": \"{other}\" is not equal or weighted"),
        },
        PartnerPeriod = OptionalString(json, "partnerPeriod") switch
        {
            null or "weekly" => PartnerPeriod.Weekly,
            "monthly" => PartnerPeriod.Monthly,
            var other => throw new BadLineException($"\"partnerPeriod\": \"{other}\" is not weekly or monthly"),
        },
        PartnerReferralReward = OptionalMoney(json, "partnerReferralReward"),
    };

    /// <summary>Settlements: a store's shareholders for a day, its partners for a period, the platform shareholders for a period, or (extension) the day's shopping-point expiry.</summary>
    private static Command ReadSettlement(JsonElement json, DateTimeOffset at) => RequiredString(json, "kind") switch
    {
        "shareholders" => new SettleShareholders(RequiredString(json, "store"), RequiredDay(json, "day"), at),
        "partners" => new SettlePartners(RequiredString(json, "store"), RequiredDay(json, "from"), RequiredDay(json, "to"), at),
        "shoppingPoints" => new ExpireShoppingPoints(RequiredDay(json, "day"), at),
        "platform-shareholders" => new SettlePlatformShareholders(RequiredDay(json, "from"), RequiredDay(json, "to"), at),
        var other => throw new BadLineException($"\"kind\": \"{other}\" is not shareholders, partners, platform-shareholders or shoppingPoints"),
    };

    private static DateOnly RequiredDay(JsonElement json, string name)
    {
        var text = RequiredString(json, name);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new BadLineException($"\"{name}\": \"{text}\" is not a date yyyy-MM-dd");
    }

    private static Rate RequiredRate(JsonElement json, string name) =>
        AmountText.TryParseDecimal(RequiredString(json, name), 6, out var rate, out var error) ? Rate.FromDecimal(rate) : throw new BadLineException($"\"{name}\": {error}");

    /// <summary>An amount that may be absent or zero (an investment, a reward); absent = 0.</summary>
    private static Money OptionalMoney(JsonElement json, string name) =>
        OptionalString(json, name) is not { } text ? Money.Zero
        : AmountText.TryParseDecimal(text, Money.Decimals, out var yuan, out var error) ? Money.FromYuan(yuan)
        : throw new BadLineException($"\"{name}\": {error}");

    private static ShoppingPoints OptionalShoppingPoints(JsonElement json, string name) => new(OptionalMoney(json, name).Fen);

    private static bool OptionalBool(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new BadLineException($"\"{name}\" must be true or false"),
        };
    }

    private static Command ReadConfig(JsonElement json, EngineConfig currentConfig, DateTimeOffset at)
    {
        if (!ConfigJson.TryRead(json, currentConfig, out var config, out var error, "type", "at"))
            throw new BadLineException(error);
        return new Configure(config, at);
    }

    /// <summary>An event's time: "at" (ISO 8601), else "day" (yyyy-MM-dd, midnight UTC), else "to" (a period's end), else the default day.</summary>
    private static DateTimeOffset Time(JsonElement json)
    {
        if (OptionalString(json, "at") is { } at)
            return DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant : throw new BadLineException($"\"at\": \"{at}\" is not an ISO 8601 time");
        if ((OptionalString(json, "day") ?? OptionalString(json, "to")) is { } day)
            return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : throw new BadLineException($"\"day\": \"{day}\" is not a date yyyy-MM-dd");
        return DefaultDay;
    }

    private static Region ReadRegion(JsonElement json)
    {
        if (!json.TryGetProperty("region", out var region) || region.ValueKind != JsonValueKind.Array)
            throw new BadLineException("missing field \"region\" (an array of 1 to 3 names)");
        var parts = new List<string>();
        foreach (var part in region.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(part.GetString()) || part.GetString()!.Contains('/'))
                throw new BadLineException("\"region\" parts are non-empty names without '/'");
            parts.Add(part.GetString()!);
        }
        if (parts.Count is < 1 or > 3) throw new BadLineException("\"region\" has 1 to 3 parts");
        return new Region(parts);
    }

    private static AgentLevel ReadLevel(JsonElement json) => RequiredString(json, "level") switch
    {
        "district" => AgentLevel.District,
        "city" => AgentLevel.City,
        "province" => AgentLevel.Province,
        var other => throw new BadLineException($"\"level\": \"{other}\" is not district, city or province"),
    };

    private static Money RequiredMoney(JsonElement json, string name) =>
        AmountText.TryParseMoney(RequiredString(json, name), out var money, out var error) ? money : throw new BadLineException($"\"{name}\": {error}");

    private static Points RequiredPoints(JsonElement json, string name) =>
        AmountText.TryParsePoints(RequiredString(json, name), out var points, out var error) ? points : throw new BadLineException($"\"{name}\": {error}");

    private static string RequiredString(JsonElement json, string name) =>
        OptionalString(json, name) is { Length: > 0 } value ? value : throw new BadLineException($"missing field \"{name}\"");

    private static string? OptionalString(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new BadLineException($"\"{name}\" must be a string");
    }
}
