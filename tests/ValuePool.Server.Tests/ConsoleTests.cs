using System.Net;

namespace ValuePool.Server.Tests;

/// <summary>The web console is served at the root, in Chinese first, and talks only to the API.</summary>
public sealed class ConsoleTests
{
    [Fact]
    public async Task TheRoot_ServesTheConsole_InChineseFirst()
    {
        await using var platform = new Platform();
        var html = await platform.Anonymous().GetStringAsync("/");
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("本地生活消费增值平台", html);
        var script = await platform.Anonymous().GetStringAsync("/console.js");
        Assert.Contains("积分价格是历史记录，不是预测", script);
        Assert.Contains("The point price is history, not a forecast", script);
        Assert.Equal(HttpStatusCode.OK, (await platform.Anonymous().GetAsync("/console.css")).StatusCode);
    }

    [Fact]
    public async Task EveryApiPathTheConsoleCalls_Exists()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var script = await platform.Anonymous().GetStringAsync("/console.js");
        // The console's GETs without a path parameter, as an admin may call them all.
        foreach (var path in new[] { "/api/wallet", "/api/wallet/history", "/api/wallet/rewards", "/api/withdrawals", "/api/orders", "/api/stores",
                     "/api/withdrawals/pending", "/api/admin/pool", "/api/pool/price-history", "/api/admin/config", "/api/stores?status=pending", "/api/payments/provider" })
        {
            Assert.Contains($"\"{path}\"", script);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(path)).StatusCode);
        }
    }
}
