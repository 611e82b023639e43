using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

/// <summary>A logged-in user of the platform and their HTTP client.</summary>
public sealed record User(string Id, string Phone, HttpClient Http)
{
    public async Task<JsonElement> GetAsync(string path) => await Ok(await Http.GetAsync(path));

    public async Task<JsonElement> PostAsync(string path, object body) => await Ok(await Http.PostAsJsonAsync(path, body));

    public Task<HttpResponseMessage> SendAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    /// <summary>A POST with <c>Idempotency-Key</c>, answered when it succeeds.</summary>
    public async Task<JsonElement> PostKeyedAsync(string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Ok(await Http.SendAsync(request));
    }

    /// <summary>Buys in-store (as after scanning the store's QR code) and pays through the simulated provider.</summary>
    public async Task<JsonElement> BuyAsync(string storeId, string amount)
    {
        var order = await PostAsync("/api/orders", new { storeId, amount });
        return await PostAsync($"/api/orders/{order.GetProperty("id").GetString()}/pay", new { });
    }

    public async Task<JsonElement> WalletAsync() => await GetAsync("/api/wallet");

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
