using ValuePool.Core.Engine;
using System.Text;
using System.Text.Json;

namespace ValuePool.Core.Replay;

/// <summary>The engine's state as REPLAY.md's output object: fixed key order, amounts as strings.</summary>
public static class StateJson
{
    public static string Write(ValuePoolEngine engine)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("pool", engine.Pool.ToString());
            json.WriteString("points", engine.CirculatingPoints.ToString());
            json.WriteString("price", engine.Price.ToString());
            json.WriteString("platformRevenue", engine.PlatformRevenue.ToString());
            json.WriteNumber("orders", engine.Orders);
            json.WriteStartObject("members");
            foreach (var id in engine.MemberIdsOrdinal())
            {
                var member = engine.FindMember(id)!;
                json.WriteStartObject(id);
                json.WriteString("points", member.Points.ToString());
                json.WriteString("cash", member.Cash.ToString());
                json.WriteString("consumed", member.Consumed.ToString());
                json.WriteNumber("exits", member.Exits);
                json.WriteString("shoppingPoints", member.ShoppingPoints.ToString());
                if (member.Level is { } level)
                {
                    json.WriteString("level", level);
                    json.WriteString("offline", member.Offline.ToString());
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("stores");
            foreach (var id in engine.StoreIdsOrdinal())
            {
                var store = engine.FindStore(id)!;
                json.WriteStartObject(id);
                json.WriteString("revenue", store.Revenue.ToString());
                json.WriteString("balance", store.Balance.ToString());
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
