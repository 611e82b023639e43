using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

public sealed class ShoppingPointsTests
{
    [Fact]
    public async Task ThirtyThousandShoppingPointsRedeemed_PayTheIssuingStore3000()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "10000.00");
        var holdings = await buyer.GetAsync("/api/shopping-points");
        Assert.Equal("30000.00", holdings.Text("balance"));
        var lot = Assert.Single(holdings.GetProperty("lots").EnumerateArray());
        Assert.Equal((storeId, "30000.00"), (lot.Text("storeId"), lot.Text("points")));
        var balanceBefore = await StoreBalanceAsync(merchant, storeId);

        var productId = await PlatformProductAsync(platform, "50000.00");
        var bought = await buyer.PostAsync("/api/shopping-points/purchases", new { productId, shoppingPoints = "30000.00" });
        Assert.Equal(("50000.00", "20000.00", "0.00"), (bought.Text("amount"), bought.Text("cash"), bought.GetProperty("holdings").Text("balance")));
        Assert.Equal(3000.00m, await StoreBalanceAsync(merchant, storeId) - balanceBefore);
        // The cash part was collected through the payment provider: a completed order of the product for ¥20,000.
        var orders = (await buyer.GetAsync("/api/orders")).GetProperty("items").EnumerateArray().Where(o => o.GetProperty("productId").GetString() == productId).ToList();
        Assert.Equal(("20000.00", "completed"), (Assert.Single(orders).Text("amount"), orders[0].Text("status")));
    }

    [Fact]
    public async Task APurchase_TakesAtMost70PercentInShoppingPoints_AndNeverMoreThanHeld()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "100.00");
        var productId = await PlatformProductAsync(platform, "200.00");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId, shoppingPoints = "140.01" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "ShoppingPointsAboveLimit");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId, shoppingPoints = "300.01", quantity = 3 }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientShoppingPoints");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId, shoppingPoints = "-1.00" })).AssertFieldError("shoppingPoints");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId, shoppingPoints = "200.00" })).AssertFieldError("shoppingPoints");
        await (await buyer.SendAsync("/api/shopping-points/purchases", new { productId = "p_nothing", shoppingPoints = "1.00" })).AssertFieldError("productId");
        Assert.Equal("300.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
    }

    [Fact]
    public async Task AStoreProduct_CannotBePaidInShoppingPoints()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var product = await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea", price = "10.00" });
        var response = await merchant.SendAsync("/api/shopping-points/purchases", new { productId = product.Text("id"), shoppingPoints = "1.00" });
        await response.AssertFieldError("productId");
    }

    [Fact]
    public async Task TheNextExpiry_IsTheOldestLot_AndTheDailySettlementRemovesIt()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/config", new { shoppingPointsExpiryDays = "30" })).StatusCode);
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "10.00");
        var issuedOn = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime);
        var expiry = (await buyer.GetAsync("/api/shopping-points")).GetProperty("nextExpiry");
        Assert.Equal(("30.00", issuedOn.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (expiry.Text("points"), expiry.Text("on")));

        platform.Clock.Advance(TimeSpan.FromDays(31));
        await platform.Service<Hosting.DueWork>().RunOnceAsync();
        var after = await buyer.GetAsync("/api/shopping-points");
        Assert.Equal(("0.00", JsonValueKind.Null), (after.Text("balance"), after.GetProperty("nextExpiry").ValueKind));
    }

    public static async Task<string> PlatformProductAsync(Platform platform, string price)
    {
        var admin = await platform.AdminAsync();
        return (await admin.PostAsync("/api/products", new { name = "Rice cooker", price, shipped = true })).Text("id");
    }

    private static async Task<decimal> StoreBalanceAsync(User merchant, string storeId) =>
        decimal.Parse((await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"), CultureInfo.InvariantCulture);
}
