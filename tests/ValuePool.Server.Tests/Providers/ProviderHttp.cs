using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ValuePool.Server.Tests.Providers;

/// <summary>Delivering a provider's notification to the platform, and reading answers that may not be 2xx.</summary>
public static class ProviderHttp
{
    public static async Task<HttpResponseMessage> NotifyAsync(Platform platform, string path, string body, IReadOnlyDictionary<string, string> headers,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await platform.Anonymous().SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<HttpResponseMessage> PostEmptyAsync(this User user, string path) => await user.Http.PostAsync(path, null);
}
