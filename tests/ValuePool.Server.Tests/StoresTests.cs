using System.Net;

namespace ValuePool.Server.Tests;

public sealed class StoresTests
{
    [Fact]
    public async Task AStore_IsPendingUntilAnAdminApproves_ThenItsOwnerIsAMerchantWithAShareCode()
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var store = await merchant.PostAsync("/api/stores", new { name = "Noodles", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } });
        Assert.Equal("pending", store.Text("status"));
        var stranger = await platform.RegisterAsync();
        await (await stranger.Http.GetAsync($"/api/stores/{store.Text("id")}")).AssertProblem(HttpStatusCode.NotFound);
        await (await merchant.SendAsync($"/api/stores/{store.Text("id")}/approve", new { })).AssertProblem(HttpStatusCode.Forbidden);

        var admin = await platform.AdminAsync();
        var approved = await admin.PostAsync($"/api/stores/{store.Text("id")}/approve", new { });
        Assert.Equal("approved", approved.Text("status"));
        Assert.StartsWith("c_", approved.Text("shareCode"));
        Assert.Contains("merchant", (await merchant.GetAsync("/api/accounts/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("approved", (await stranger.GetAsync($"/api/stores/{store.Text("id")}")).Text("status"));
    }

    [Fact]
    public async Task AnAdminRejectsAPendingStore_WithAReasonItsOwnerSees_AndItCannotBeApprovedAfter()
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var storeId = (await merchant.PostAsync("/api/stores", new { name = "Noodles", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } })).Text("id");
        var admin = await platform.AdminAsync();
        await (await merchant.SendAsync($"/api/stores/{storeId}/reject", new { reason = "no" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await admin.SendAsync($"/api/stores/{storeId}/reject", new { reason = "" })).AssertFieldError("reason");
        await (await admin.SendAsync($"/api/stores/{storeId}/reject", new { reason = new string('x', 201) })).AssertFieldError("reason");
        await (await admin.SendAsync("/api/stores/s_nowhere/reject", new { reason = "营业执照不清晰" })).AssertProblem(HttpStatusCode.NotFound);

        var rejected = await admin.PostAsync($"/api/stores/{storeId}/reject", new { reason = "营业执照不清晰" });
        Assert.Equal("rejected", rejected.Text("status"));
        Assert.Equal("营业执照不清晰", rejected.Text("rejectionReason"));
        var seen = await merchant.GetAsync($"/api/stores/{storeId}");
        Assert.Equal("rejected", seen.Text("status"));
        Assert.Equal("营业执照不清晰", seen.Text("rejectionReason"));
        Assert.Equal("rejected", (await merchant.GetAsync("/api/stores")).GetProperty("items")[0].Text("status"));
        Assert.Equal(1, (await admin.GetAsync("/api/stores?status=rejected")).GetProperty("total").GetInt32());

        await (await admin.SendAsync($"/api/stores/{storeId}/approve", new { })).AssertProblem(HttpStatusCode.Conflict, "StoreRejected");
        await (await admin.SendAsync($"/api/stores/{storeId}/reject", new { reason = "again" })).AssertProblem(HttpStatusCode.Conflict, "StoreRejected");
        await (await merchant.SendAsync($"/api/stores/{storeId}/pay", new { amount = "1.00" })).AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain("merchant", (await merchant.GetAsync("/api/accounts/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AnApprovedStore_CannotBeRejected()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var admin = await platform.AdminAsync();
        await (await admin.SendAsync($"/api/stores/{storeId}/reject", new { reason = "late" })).AssertProblem(HttpStatusCode.Conflict, "StoreNotPending");
        Assert.Equal("approved", (await admin.GetAsync($"/api/stores/{storeId}")).Text("status"));
        Assert.False((await admin.GetAsync($"/api/stores/{storeId}")).TryGetProperty("rejectionReason", out var reason) && reason.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task Register_NamesEveryMissingField()
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var response = await merchant.SendAsync("/api/stores", new { name = "", region = new { province = "Guangdong" }, recruiterId = "u_nobody" });
        await response.AssertFieldError("name");
        await response.AssertFieldError("region.city");
    }

    [Fact]
    public async Task TheStoreAccount_IsForItsOwnerAndAdminsOnly()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "100.00");
        var account = await merchant.GetAsync($"/api/stores/{storeId}/account");
        Assert.Equal("100.00", account.Text("revenue"));
        Assert.Equal("80.00", account.Text("balance"));
        await (await buyer.Http.GetAsync($"/api/stores/{storeId}/account")).AssertProblem(HttpStatusCode.Forbidden);
        await (await buyer.Http.GetAsync($"/api/stores/{storeId}/orders")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await merchant.GetAsync($"/api/stores/{storeId}/orders")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AnApprovedStore_HasAPaymentQrCode_InPngAndSvg()
    {
        await using var platform = new Platform();
        var (_, storeId, code) = await platform.OpenStoreAsync();
        var client = platform.Anonymous();
        var png = await client.GetAsync($"/api/stores/{storeId}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        var svg = await client.GetStringAsync($"/api/links/{code}/qr.svg");
        Assert.Contains("<svg", svg);
        await (await client.GetAsync($"/api/stores/{storeId}/qr.gif")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Products_AreAddedByTheStoreOwnerOnly_AndOrderedByQuantity()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var product = await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Milk tea", price = "18.50", shipped = false });
        var buyer = await platform.RegisterAsync();
        await (await buyer.SendAsync($"/api/stores/{storeId}/products", new { name = "Fake", price = "1.00" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await merchant.SendAsync($"/api/stores/{storeId}/products", new { name = "Bad", price = "-1" })).AssertFieldError("price");
        await (await buyer.SendAsync("/api/products", new { name = "Platform", price = "1.00" })).AssertProblem(HttpStatusCode.Forbidden);

        var order = await buyer.PostAsync("/api/orders", new { productId = product.Text("id"), quantity = 3 });
        Assert.Equal("55.50", order.Text("amount"));
        Assert.Equal(1, (await buyer.GetAsync($"/api/stores/{storeId}/products")).GetProperty("total").GetInt32());
    }
}
