using System.Text.Json;
using System.Text.Json.Serialization;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Http;

/// <summary>
/// Serialization code generated at build time for the bodies of the order path (every in-store payment reads one
/// and writes one), consulted before the reflection-based resolver that handles every other body.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InStorePayRequest))]
[JsonSerializable(typeof(PayResponse))]
public sealed partial class HotPathJson : JsonSerializerContext;
