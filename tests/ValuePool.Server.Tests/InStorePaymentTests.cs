using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

/// <summary><c>POST /api/stores/{id}/pay</c>: an in-store order created, paid and completed in one request.</summary>
public sealed class InStorePaymentTests
{
    [Fact]
    public async Task OneRequest_CompletesTheOrder_AndMintsTheSeedVectorsPoints()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var paid = await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00" });

        Assert.Equal("Applied", paid.Text("outcome"));
        var order = paid.GetProperty("order");
        Assert.Equal("completed", order.Text("status"));
        Assert.Equal(order.GetProperty("createdAt").ToString(), order.GetProperty("completedAt").ToString());
        Assert.Equal(order, await buyer.GetAsync($"/api/orders/{order.Text("id")}"), JsonElementComparer);
        Assert.Single((await merchant.GetAsync($"/api/stores/{storeId}/orders")).GetProperty("items").EnumerateArray());
        var wallet = await buyer.WalletAsync();
        Assert.Equal("112.0000", wallet.Text("points"));
        Assert.Equal("1200.00", wallet.Text("exitTarget"));
    }

    [Fact]
    public async Task TheSignedConfirmation_DeliveredAgainAsACallback_ChangesNothing()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var paid = await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00" });
        var confirmation = paid.GetProperty("callback");

        var replays = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            OrdersAndPaymentsTests.PostCallback(platform, confirmation.Text("body"), confirmation.Text("signature"))));
        Assert.All(replays, replay => Assert.Equal(HttpStatusCode.OK, replay.StatusCode));
        Assert.Equal("112.0000", (await buyer.WalletAsync()).Text("points"));
        Assert.Equal("1", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).GetProperty("orders").ToString());
    }

    [Fact]
    public async Task ConcurrentRetriesWithTheSameKey_PayOnce_AndAllAnswerTheSameOrder()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Pay(buyer, storeId, "1000.00", "scan-1")));
        var bodies = await Task.WhenAll(answers.Select(async a => { Assert.Equal(HttpStatusCode.OK, a.StatusCode); return await Body(a); }));
        var later = await Body(await Pay(buyer, storeId, "1000.00", "scan-1"));

        Assert.Equal(1, bodies.Count(b => b.Text("outcome") == "Applied"));
        Assert.Equal("Duplicate", later.Text("outcome"));
        Assert.Single(bodies.Append(later).Select(b => b.GetProperty("order").Text("id")).Distinct());
        Assert.All(bodies.Append(later), b => Assert.Equal("completed", b.GetProperty("order").Text("status")));
        Assert.Equal("112.0000", (await buyer.WalletAsync()).Text("points"));
        Assert.Single((await buyer.GetAsync("/api/orders")).GetProperty("items").EnumerateArray());
        Assert.Equal("1", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).GetProperty("orders").ToString());
    }

    [Fact]
    public async Task TheSameKeyFromAnotherBuyer_IsAnotherOrder()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var first = await Body(await Pay(await platform.RegisterAsync(), storeId, "100.00", "scan-1"));
        var second = await Body(await Pay(await platform.RegisterAsync(), storeId, "100.00", "scan-1"));
        Assert.Equal("Applied", second.Text("outcome"));
        Assert.NotEqual(first.GetProperty("order").Text("id"), second.GetProperty("order").Text("id"));
    }

    [Fact]
    public async Task Refusals_ChangeNothing()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var pendingStore = (await (await platform.RegisterAsync()).PostAsync("/api/stores",
            new { name = "Not yet", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } })).Text("id");
        var buyer = await platform.RegisterAsync();
        await Pay(buyer, storeId, "100.00", "scan-1");

        foreach (var amount in new[] { "-5.00", "0", "1e3", "12.345", "abc" })
            await (await Pay(buyer, storeId, amount, null)).AssertFieldError("amount");
        await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { })).AssertFieldError("amount");
        await (await buyer.SendAsync($"/api/stores/{storeId}/pay", new { amount = "1.00", via = "c_nope" })).AssertFieldError("via");
        await (await Pay(buyer, "s_nope", "1.00", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await Pay(buyer, pendingStore, "1.00", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await Pay(buyer, storeId, "200.00", "scan-1")).AssertProblem(HttpStatusCode.Conflict, "IdempotencyKeyConflict");
        await (await Pay(buyer, storeId, "1.00", new string('k', 101))).AssertFieldError("Idempotency-Key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous().PostAsJsonAsync($"/api/stores/{storeId}/pay", new { amount = "1.00" })).StatusCode);

        Assert.Equal("11.2000", (await buyer.WalletAsync()).Text("points"));
        Assert.Single((await buyer.GetAsync("/api/orders")).GetProperty("items").EnumerateArray());
        Assert.Equal("1", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).GetProperty("orders").ToString());
    }

    [Fact]
    public async Task TheOrderCompletedWebhook_IsQueuedWithTheOrder_OncePerOrder()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        await admin.PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var first = await Body(await Pay(buyer, storeId, "10.00", "scan-1"));
        await Pay(buyer, storeId, "10.00", "scan-1");
        var second = await Body(await Pay(buyer, storeId, "20.00", null));

        var deliveries = (await admin.GetAsync("/api/admin/webhooks/deliveries")).GetProperty("items").EnumerateArray().Select(d => d.Text("eventId")).Order().ToArray();
        Assert.Equal(new[] { first, second }.Select(b => $"order.completed:{b.GetProperty("order").Text("id")}").Order().ToArray(), deliveries);
    }

    [Fact]
    public async Task ThroughTheStoresShareLink_TheBuyerIsBoundToItsOwner()
    {
        await using var platform = new Platform();
        var (merchant, storeId, shareCode) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount = "1000.00", via = shareCode });
        Assert.Equal(merchant.Id, (await buyer.WalletAsync()).Text("referrer"));
        Assert.Equal("3.00", (await merchant.WalletAsync()).Text("cash"));
    }

    private static Task<HttpResponseMessage> Pay(User buyer, string storeId, string amount, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stores/{storeId}/pay") { Content = JsonContent.Create(new { amount }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return buyer.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static readonly IEqualityComparer<JsonElement> JsonElementComparer =
        EqualityComparer<JsonElement>.Create((a, b) => JsonElement.DeepEquals(a, b), e => e.GetRawText().Length);
}
