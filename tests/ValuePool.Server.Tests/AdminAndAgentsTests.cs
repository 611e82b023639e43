using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

public sealed class AdminAndAgentsTests
{
    [Fact]
    public async Task ASubsidy_RaisesThePrice_AndAppearsInThePublicPriceHistory()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        var admin = await platform.AdminAsync();
        var before = await admin.GetAsync("/api/admin/pool");
        var after = await admin.PostAsync("/api/admin/subsidies", new { amount = "112.00", source = "A round" });
        Assert.Equal("160.00", before.Text("pool"));
        Assert.Equal("272.00", after.Text("pool"));
        Assert.Equal("2.4286", after.Text("price"));
        Assert.Equal((27200, 1_120_000), PriceFraction(after)); // ¥272.00 per 112 points, exactly
        await (await admin.SendAsync("/api/admin/subsidies", new { amount = "0.00", source = "" })).AssertFieldError("source");
        var history = await platform.Anonymous().GetFromJsonAsync<JsonElement>("/api/pool/price-history");
        Assert.NotEqual(0, history.GetArrayLength());
        Assert.Equal((27200, 1_120_000), PriceFraction(history[history.GetArrayLength() - 1]));
    }

    private static (long PoolFen, long PointsUnits) PriceFraction(JsonElement withPrice)
    {
        var fraction = withPrice.GetProperty("priceFraction");
        return (fraction.GetProperty("poolFen").GetInt64(), fraction.GetProperty("pointsUnits").GetInt64());
    }

    [Fact]
    public async Task TheConfiguration_ComesWithItsComplianceAudit_AndFreezesAfterTheFirstOrder()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var audit = await admin.PostAsync("/api/admin/config/audit", new { exitMultiple = "2.0", referralLevels = new[] { "0.003", "0.002", "0.001" } });
        var codes = audit.GetProperty("findings").EnumerateArray().Select(f => f.Text("code")).ToArray();
        Assert.Contains("referral-depth", codes);
        var changed = await admin.Http.PutAsJsonAsync("/api/admin/config", new { payout = "0.75" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await (await admin.Http.PutAsJsonAsync("/api/admin/config", new { nonsense = "1" })).AssertFieldError("config");

        var (_, storeId, _) = await platform.OpenStoreAsync();
        await (await platform.RegisterAsync()).BuyAsync(storeId, "10.00");
        await (await admin.Http.PutAsJsonAsync("/api/admin/config", new { payout = "0.7" })).AssertProblem(HttpStatusCode.Conflict, "ConfigAfterFirstOrder");
        Assert.Equal("0.75", (await admin.GetAsync("/api/admin/config")).GetProperty("config").Text("payout"));
    }

    [Fact]
    public async Task AnAgent_BuysARegion_AndSeesTheRewardsOfItsOrders()
    {
        await using var platform = new Platform();
        var agent = await platform.UserWithRoleAsync("agent");
        var bought = await agent.PostAsync("/api/agents/regions", new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" } });
        Assert.Equal("50000.00", bought.Text("fee"));
        var rival = await platform.UserWithRoleAsync("agent");
        await (await rival.SendAsync("/api/agents/regions", new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" } }))
            .AssertProblem(HttpStatusCode.Conflict, "RegionTaken");

        var (_, storeId, _) = await platform.OpenStoreAsync("Nanshan");
        await (await platform.RegisterAsync()).BuyAsync(storeId, "1000.00");
        var rewards = await agent.GetAsync("/api/agents/rewards");
        Assert.Equal("1.00", rewards[0].Text("amount"));
        Assert.Equal(1, (await agent.GetAsync("/api/agents/regions")).GetArrayLength());
    }
}
