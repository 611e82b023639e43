using System.Net;
using ValuePool.Testing;

namespace ValuePool.Server.Tests;

/// <summary>An agent's region's orders: the orders of the stores in it, paged, searched and exported, for its agent and admins only.</summary>
public sealed class RegionOrdersTests
{
    private const string Futian = "/api/agents/regions/orders?level=district&region=Guangdong/Shenzhen/Futian";

    [Fact]
    public async Task TheAgent_SeesTheOrdersOfTheStoresInTheirRegion_PagedSearchedAndExported()
    {
        await using var platform = new Platform();
        var (futianMerchant, futianStore, _) = await platform.OpenStoreAsync("Futian");
        var (nanshanMerchant, nanshanStore, _) = await platform.OpenStoreAsync("Nanshan");
        var buyer = await platform.RegisterAsync();
        var tea = await futianMerchant.PostAsync($"/api/stores/{futianStore}/products", new { name = "Tea", price = "10.00", shipped = true });
        var rice = await nanshanMerchant.PostAsync($"/api/stores/{nanshanStore}/products", new { name = "Rice", price = "20.00", shipped = true });
        var first = await buyer.PostAsync("/api/orders", new { productId = tea.Text("id") });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // newest first
        var second = await buyer.PostAsync("/api/orders", new { productId = tea.Text("id") });
        await buyer.PostAsync("/api/orders", new { productId = rice.Text("id") });
        var agent = await platform.UserWithRoleAsync("agent");
        await agent.PostAsync("/api/agents/regions", new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } });

        var page = await agent.GetAsync(Futian + "&pageSize=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(second.Text("id"), Assert.Single(page.GetProperty("items").EnumerateArray()).Text("id"));
        var searched = await agent.GetAsync(Futian + $"&q={first.Text("id")}");
        Assert.Equal(first.Text("id"), Assert.Single(searched.GetProperty("items").EnumerateArray()).Text("id"));
        Assert.Equal(futianStore, searched.GetProperty("items")[0].Text("storeId"));

        Assert.Equal(2, (await agent.GetAsync(Futian.Replace("level=district", "level=District"))).GetProperty("total").GetInt32()); // as listed

        var city = await (await platform.AdminAsync()).GetAsync("/api/agents/regions/orders?level=city&region=Guangdong/Shenzhen");
        Assert.Equal(3, city.GetProperty("total").GetInt32()); // admins see any region, a city holds its districts

        var rows = await ExportTests.Download(agent, Futian.Replace("/orders?", "/orders/export?format=csv&"), "csv");
        Assert.Equal([second.Text("id"), first.Text("id")], rows.Select(row => row["订单号"]?.ToString()));
    }

    [Fact]
    public async Task AnotherRegion_OrABadOne_IsRefused()
    {
        await using var platform = new Platform();
        var agent = await platform.UserWithRoleAsync("agent");
        await agent.PostAsync("/api/agents/regions", new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } });
        await (await agent.Http.GetAsync("/api/agents/regions/orders?level=district&region=Guangdong/Shenzhen/Nanshan")).AssertProblem(HttpStatusCode.Forbidden);
        await (await agent.Http.GetAsync("/api/agents/regions/orders?level=city&region=Guangdong/Shenzhen")).AssertProblem(HttpStatusCode.Forbidden);
        await (await agent.Http.GetAsync("/api/agents/regions/orders?level=district&region=Guangdong/Shenzhen")).AssertFieldError("region");
        await (await agent.Http.GetAsync("/api/agents/regions/orders?level=town&region=Guangdong")).AssertFieldError("level");
        await (await agent.Http.GetAsync(Futian.Replace("/orders?", "/orders/export?format=pdf&"))).AssertFieldError("format");
        var member = await platform.RegisterAsync();
        await (await member.Http.GetAsync(Futian)).AssertProblem(HttpStatusCode.Forbidden);
    }
}
