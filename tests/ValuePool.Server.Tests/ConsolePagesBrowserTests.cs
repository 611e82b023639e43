using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ValuePool.Server.Payments.Reconciliation;

namespace ValuePool.Server.Tests;

/// <summary>
/// Every page of the console's router, at 390 and 1280 px, signed in as a user who holds every role (admin, merchant with an approved
/// store, agent, shareholder), with data in the lists: no horizontal scrolling, no script error, nothing untranslated.
/// </summary>
public sealed partial class ConsolePagesBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    /// <summary>The paths of the router's member (/m) and back-office (/office) pages, read from web/src/router.ts.</summary>
    public static IReadOnlyList<string> RoutedPages()
    {
        var router = File.ReadAllText(Path.Combine(Repository.Web, "src", "router.ts"));
        var pages = new List<string>();
        foreach (var (parent, block) in new[] { ("/m", Block(router, "'/m'")), ("/office", Block(router, "'/office'")) })
            pages.AddRange(ChildPath().Matches(block).Select(match => match.Groups[1].Value).Where(path => path.Length > 0).Select(path => $"{parent}/{path}"));
        return pages;
    }

    private static string Block(string router, string path)
    {
        var start = router.IndexOf($"path: {path}", StringComparison.Ordinal);
        var children = router.IndexOf("children: [", start, StringComparison.Ordinal);
        return router[children..router.IndexOf("\n    ],", children, StringComparison.Ordinal)];
    }

    [Fact]
    public void TheRouter_HasEveryRolesPages()
    {
        var pages = RoutedPages();
        Assert.Contains("/m/wallet", pages);
        Assert.Contains("/office/admin/operator-log", pages);
        Assert.Contains("/office/merchant/orders", pages);
        Assert.Contains("/office/agent", pages);
        Assert.True(pages.Count >= 30, string.Join(", ", pages));
    }

    [Theory]
    [InlineData(ConsoleBrowser.Phone)]
    [InlineData(ConsoleBrowser.Desktop)]
    public async Task EveryPage_FitsTheScreen_WithoutAScriptError_OrUntranslatedText(int width)
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();

        // One user with every role, and something in every list.
        var admin = await platform.AdminAsync();
        // The distribution modes settled offline, so the statements (财务宝) list one: the buyer's second order owes the store's owner.
        await admin.Http.PutAsJsonAsync("/api/admin/config", new
        {
            levels = new[] { new { name = "V1", teamSpend = "100.00", rate = "0.001" } }, differential = "offline", peer = "offline",
        });
        var store = await admin.PostAsync("/api/stores", new { name = "Tea House", region = new { province = "广东省", city = "深圳市", district = "南山区" } });
        var storeId = store.Text("id");
        var shareCode = (await admin.PostAsync($"/api/stores/{storeId}/approve", new { })).Text("shareCode");
        await admin.PostAsync($"/api/admin/users/{admin.Id}/roles", new { role = "agent" });
        admin = await platform.AdminAsync();
        await admin.PostAsync("/api/agents/regions", new { level = "district", region = new { province = "广东省", city = "深圳市", district = "南山区" } });
        await admin.PostKeyedAsync($"/api/stores/{storeId}/shareholders", new { memberId = admin.Id, share = "1", invested = "0.00" }, "owner");
        await admin.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea", price = "10.00", shipped = false });
        await admin.PostAsync("/api/products", new { name = "Rice cooker", price = "500.00", shipped = true });
        var card = await admin.PostAsync($"/api/stores/{storeId}/cards", new { name = "Gold", price = "1000.00", discount = "0.1" });
        await admin.PostAsync($"/api/cards/{card.Text("id")}/purchases", new { });
        await platform.TopUpDepositAsync(storeId, 500m);
        var buyer = await platform.RegisterAsync(shareCode);
        await buyer.BuyAsync(storeId, "1000.00");
        await admin.PostAsync($"/api/stores/{storeId}/partners", new { memberId = buyer.Id });
        await admin.BuyAsync(storeId, "1000.00");
        await buyer.BuyAsync(storeId, "1000.00");
        var yesterday = DateOnly.FromDateTime(platform.Clock.GetUtcNow().ToOffset(DailyReconciliation.ChinaStandardTime).Date).AddDays(-1);
        await admin.PostAsync($"/api/payments/reconciliation/{yesterday:yyyy-MM-dd}", new { });
        await WalletAndWithdrawalTests.Sell(buyer, "112.0000", null);
        await buyer.PostAsync("/api/withdrawals", new { amount = "20.00" });
        await admin.PostAsync("/api/admin/webhooks", new { url = "http://127.0.0.1:9/hook", secret = "0123456789abcdef" });
        await (await platform.RegisterAsync()).PostAsync("/api/stores", new { name = "Noodle Bar", region = new { province = "广东省", city = "深圳市", district = "福田区" } });

        var console = await browser.OpenAsync(api.BaseAddress!, width, admin);
        var pages = RoutedPages().Select(path => path.Replace(":storeId", storeId, StringComparison.Ordinal)).Concat([$"/pay/{shareCode}"]).ToList();
        foreach (var path in pages)
        {
            await console.GotoAsync(path);
            await console.Page.Locator(".phone, .office, .pay").First.WaitForAsync();
            await console.AssertSoundAsync();
        }
        foreach (var (path, name, _) in Screenshots.Where(shot => shot.Width == width))
        {
            await console.GotoAsync(path);
            await console.ScreenshotAsync($"{name}-{width}");
        }
        await console.CloseAsync();

        // Signed out, the sign-in page and a store's payment page.
        var visitor = await browser.OpenAsync(api.BaseAddress!, width);
        foreach (var path in new[] { "/login", $"/pay/{shareCode}" })
        {
            await visitor.GotoAsync(path);
            await visitor.AssertSoundAsync();
        }
        await visitor.CloseAsync();
    }

    /// <summary>The pages whose screenshots docs/CONSOLE.md shows, beside those the flows take.</summary>
    private static readonly (string Path, string Name, int Width)[] Screenshots =
    [
        ("/office/merchant/orders", "merchant-orders", ConsoleBrowser.Phone), ("/office/merchant/orders", "merchant-orders", ConsoleBrowser.Desktop),
        ("/office/merchant/deposit", "merchant-deposit", ConsoleBrowser.Phone), ("/office/admin/users", "admin-users", ConsoleBrowser.Desktop),
        ("/office/admin/operator-log", "admin-operator-log", ConsoleBrowser.Desktop), ("/office/admin/compliance", "admin-compliance", ConsoleBrowser.Desktop),
        ("/m/account", "member-account", ConsoleBrowser.Phone),
    ];

    [GeneratedRegex(@"\{ path: '([\w/:-]*)'")]
    private static partial Regex ChildPath();
}
