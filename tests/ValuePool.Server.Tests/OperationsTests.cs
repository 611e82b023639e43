using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ValuePool.Server.Hosting;
using ValuePool.Server.Settlements;
using ValuePool.Server.Webhooks;

namespace ValuePool.Server.Tests;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_Metrics_OpenApi_AndTheApiReference_Answer()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync()).BuyAsync(storeId, "10.00");
        var client = platform.Anonymous();
        var health = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        // A single node on SQLite leads, and its sequence is the journal's head.
        Assert.Equal("leader", health.GetProperty("role").GetString());
        Assert.True(health.GetProperty("sequence").GetInt64() > 0);
        // The metrics name stores and load: an admin's (issue 10, finding 12; they were public).
        await (await client.GetAsync("/metrics")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await (await platform.RegisterAsync()).Http.GetAsync("/metrics")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("valuepool_orders_completed", await (await platform.AdminAsync()).Http.GetStringAsync("/metrics"));
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/orders", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task OnItsOwnPort_TheMetricsNeedNoToken_AndAnswerNowhereElse()
    {
        await using var platform = new Platform(new() { ["ValuePool:MetricsPort"] = "9464" });
        var scraper = platform.Anonymous();
        scraper.BaseAddress = new Uri("http://localhost:9464");
        Assert.Contains("# ", await scraper.GetStringAsync("/metrics"));
        await (await (await platform.AdminAsync()).Http.GetAsync("/metrics")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Webhooks_AreSigned_RetriedWithBackOff_AndCarryAStableEventId()
    {
        var receiver = new RecordingHandler(failFirst: 1);
        await using var platform = new Platform(services: s => s.AddHttpClient(nameof(WebhookDispatcher)).ConfigurePrimaryHttpMessageHandler(() => receiver));
        var admin = await platform.AdminAsync();
        await admin.PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        var (_, storeId, _) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync()).BuyAsync(storeId, "10.00");

        var work = platform.Service<DueWork>();
        await work.RunOnceAsync();
        Assert.Single(receiver.Received);
        var failed = Assert.Single((await admin.GetAsync("/api/admin/webhooks/deliveries?pageSize=1")).GetProperty("items").EnumerateArray());
        Assert.Equal(("http_500", "接收方返回 HTTP 500，稍后重试", false), (failed.Text("lastErrorCode"), failed.Text("lastError"), failed.GetProperty("delivered").GetBoolean()));
        using (var english = new HttpRequestMessage(HttpMethod.Get, "/api/admin/webhooks/deliveries"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            var answer = await (await admin.Http.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("the receiver answered HTTP 500; tried again later", answer.GetProperty("items")[0].Text("lastError"));
        }
        await work.RunOnceAsync();
        Assert.Single(receiver.Received);
        platform.Clock.Advance(TimeSpan.FromSeconds(31));
        await work.RunOnceAsync();
        Assert.Equal(2, receiver.Received.Count);
        var (eventId, signature, body) = receiver.Received[1];
        Assert.Equal(receiver.Received[0].EventId, eventId);
        Assert.StartsWith("order.completed:", eventId);
        Assert.Equal(WebhookDispatcher.Sign("0123456789abcdef", body), signature);
        await work.RunOnceAsync();
        Assert.Equal(2, receiver.Received.Count);
        var deliveries = await admin.GetAsync($"/api/admin/webhooks/deliveries?q={eventId}");
        Assert.Equal(1, deliveries.GetProperty("total").GetInt32());
        Assert.True(deliveries.GetProperty("items")[0].GetProperty("delivered").GetBoolean());
        Assert.Equal(0, (await admin.GetAsync("/api/admin/webhooks/deliveries?q=nothing-like-it")).GetProperty("total").GetInt32());
        await (await admin.Http.GetAsync("/api/admin/webhooks/deliveries?sort=kind")).AssertFieldError("sort");
    }

    [Fact]
    public async Task AReferralReward_IsDeliveredAsAWebhook_Once()
    {
        var receiver = new RecordingHandler(failFirst: 0);
        await using var platform = new Platform(services: s => s.AddHttpClient(nameof(WebhookDispatcher)).ConfigurePrimaryHttpMessageHandler(() => receiver));
        await (await platform.AdminAsync()).PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        var (merchant, storeId, code) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync(code)).BuyAsync(storeId, "1000.00");
        var reward = Assert.Single((await merchant.GetAsync("/api/wallet/rewards")).EnumerateArray()); // synced: recorded, webhook queued

        var work = platform.Service<DueWork>();
        await work.RunOnceAsync();
        await work.RunOnceAsync();
        var (eventId, _, body) = Assert.Single(receiver.Received, r => r.EventId.StartsWith("reward.credited:", StringComparison.Ordinal));
        Assert.StartsWith($"reward.credited:{reward.GetProperty("sequence").GetInt64()}:", eventId);
        Assert.Equal(merchant.Id, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task ClosedDays_AreSettledOnce()
    {
        await using var platform = new Platform();
        var settlements = platform.Service<SettlementRunner>();
        Assert.Equal(1, await settlements.RunDueAsync());
        Assert.Equal(0, await settlements.RunDueAsync());
        platform.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await settlements.RunDueAsync());
    }

    private sealed class RecordingHandler(int failFirst) : HttpMessageHandler
    {
        public List<(string EventId, string Signature, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Add((request.Headers.GetValues(WebhookDispatcher.EventIdHeader).Single(), request.Headers.GetValues(WebhookDispatcher.SignatureHeader).Single(),
                await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(Received.Count <= failFirst ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        }
    }
}
