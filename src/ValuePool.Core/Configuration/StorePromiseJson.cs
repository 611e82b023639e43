using System.Text.Json;
using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// Reads the optional <c>"stores"</c> array of a configuration file, so the audit can weigh stores
/// before they exist: <c>[{"id":"s1","partnerPool":true,"shareholders":[{"share":"0.05","invested":"49800.00","initiator":true}]}]</c>.
/// </summary>
public static class StorePromiseJson
{
    public static IReadOnlyList<StorePromise> Read(JsonElement configuration)
    {
        if (!configuration.TryGetProperty("stores", out var stores)) return [];
        if (stores.ValueKind != JsonValueKind.Array) throw new FormatException("\"stores\" must be an array");
        return stores.EnumerateArray().Select(ReadStore).ToArray();
    }

    private static StorePromise ReadStore(JsonElement store)
    {
        var id = store.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : throw new FormatException("each store needs an \"id\"");
        var partnerPool = !store.TryGetProperty("partnerPool", out var pool) || pool.ValueKind != JsonValueKind.False;
        var holdings = store.TryGetProperty("shareholders", out var holders) && holders.ValueKind == JsonValueKind.Array
            ? holders.EnumerateArray().Select(h => ReadHolding(id, h)).ToArray()
            : [];
        var total = holdings.Aggregate(Rate.Zero, (sum, h) => sum + h.Share);
        if (total > Rate.One) throw new FormatException($"store {id}: shares sum to {total}, above 1");
        return new StorePromise(id, holdings, partnerPool);
    }

    private static PromisedHolding ReadHolding(string store, JsonElement holding)
    {
        string Text(string name) => holding.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "0";
        if (!AmountText.TryParseDecimal(Text("share"), 6, out var share, out var error) || !AmountText.TryParseDecimal(Text("invested"), 2, out var invested, out error))
            throw new FormatException($"store {store}: {error}");
        return new PromisedHolding(Rate.FromDecimal(share), Money.FromYuan(invested),
            holding.TryGetProperty("initiator", out var initiator) && initiator.ValueKind == JsonValueKind.True);
    }
}
