using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ValuePool.Server.Tests;

/// <summary>
/// Each role's main flow in the console, in headless Chromium against the platform on a loopback port, on a phone (390 px)
/// and a desktop (1280 px): no horizontal scrolling, no script error, nothing untranslated.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static async Task<(Platform Platform, HttpClient Api)> StartAsync()
    {
        var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        return (platform, platform.CreateClient());
    }

    [Fact]
    public async Task ANewcomer_ScansAStoresQrCode_Registers_Pays_AndSeesTheirPoints()
    {
        var (platform, api) = await StartAsync();
        await using var _ = platform;
        var (merchant, _, shareCode) = await platform.OpenStoreAsync();
        var link = await api.GetFromJsonAsync<JsonElement>($"/api/links/{shareCode}");
        var scanned = new Uri(link.Text("url")); // what the store's QR code encodes

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone);
        var page = phone.Page;
        await phone.GotoAsync(scanned.PathAndQuery);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("[data-test=store-name]")).ToHaveTextAsync("Tea House");
        await Expect(page.Locator("[data-test=invited]")).ToContainTextAsync($"邀请人：{merchant.Phone[..3]}****{merchant.Phone[^4..]}");
        await phone.ScreenshotAsync("member-pay-register");
        await page.Locator("input[name=phone]").FillAsync("13912345678");
        await page.Locator("input[name=password]").FillAsync("password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).TapAsync();

        // Two taps to pay once the amount is keyed in: 付款, then 付款 in the confirmation naming the store and the amount.
        foreach (var key in "1000") await page.Locator(".van-key").Filter(new() { HasTextRegex = new Regex($"^{key}$") }).TapAsync();
        await Expect(page.Locator("[data-test=amount]")).ToHaveTextAsync("¥1000");
        // The tests run the simulated provider, which collects nothing: the payer is told (测试支付).
        await Expect(page.Locator("[data-test=test-payment]")).ToContainTextAsync("测试支付");
        await phone.ScreenshotAsync("member-pay-keypad");
        await page.Locator(".van-key--blue").TapAsync();
        var dialog = page.Locator(".van-dialog");
        await Expect(dialog).ToContainTextAsync("向 Tea House 支付 ¥1,000.00？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "付款" }).TapAsync();
        await Expect(page.Locator("[data-test=points-now]")).ToHaveTextAsync("112.0000"); // MODEL.md's seed vector: ¥1000 at the opening price
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-pay-done");

        await page.GetByRole(AriaRole.Button, new() { Name = "查看钱包" }).TapAsync();
        await Expect(page.Locator("[data-test=points] b")).ToHaveTextAsync("112.0000");
        await Expect(page.Locator("[data-test=exit-explain]")).ToContainTextAsync("¥1,000.00");
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-wallet");
        await page.GotoAsync("/m/history");
        await Expect(page.Locator("[data-test=history-row]").First).ToContainTextAsync("消费");
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-history");
        var token = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('session')).token");
        await phone.CloseAsync();

        // The member pages load at most 300 KB of gzipped JS and CSS: the back office (Element Plus, ECharts) is split off.
        Assert.DoesNotContain(phone.Assets, asset => asset.Contains("Office", StringComparison.Ordinal) || asset.Contains("EChart", StringComparison.Ordinal));
        long gzipped = 0;
        foreach (var asset in phone.Assets.Where(asset => asset.EndsWith(".js", StringComparison.Ordinal) || asset.EndsWith(".css", StringComparison.Ordinal)))
        {
            using var compressed = new MemoryStream();
            await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
                await gzip.WriteAsync(await api.GetByteArrayAsync(asset));
            gzipped += compressed.Length;
        }
        Console.WriteLine($"member pages: {phone.Assets.Count} assets, {gzipped / 1024.0:0.0} KB of gzipped JS and CSS");
        Assert.InRange(gzipped, 1, 300 * 1024);

        // The one payment was charged once, and the share link bound the newcomer to the store's owner.
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var wallet = await api.GetFromJsonAsync<JsonElement>("/api/wallet");
        Assert.Equal(merchant.Id, wallet.Text("referrer"));
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>("/api/orders")).GetProperty("items").GetArrayLength());

        // On a desktop, in English by the switch.
        var desktop = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop);
        await desktop.GotoAsync("/login");
        await desktop.Page.GetByRole(AriaRole.Tab, new() { Name = "登录" }).ClickAsync();
        await desktop.Page.Locator("input[name=phone]").FillAsync("13912345678");
        await desktop.Page.Locator("input[name=password]").FillAsync("password-1");
        await desktop.Page.Locator("form").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(desktop.Page.Locator("[data-test=points] b")).ToHaveTextAsync("112.0000");
        await desktop.AssertSoundAsync();
        await desktop.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(desktop.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(desktop.Page.Locator("[data-test=points] span")).ToHaveTextAsync("Points");
        await desktop.AssertSoundAsync();
        await desktop.CloseAsync();
    }

    [Fact]
    public async Task AMerchant_SeesTheStoresQrCode_IsRefusedWithoutADeposit_ThenRingsUpATillSale()
    {
        var (platform, api) = await StartAsync();
        await using var _ = platform;
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var customer = await platform.RegisterAsync();

        foreach (var width in new[] { ConsoleBrowser.Phone, ConsoleBrowser.Desktop })
        {
            var stores = await browser.OpenAsync(api.BaseAddress!, width, merchant);
            await stores.GotoAsync("/office/merchant/stores");
            await Expect(stores.Page.Locator("[data-test=store-status]")).ToHaveTextAsync("已通过");
            await Expect(stores.Page.Locator("[data-test=store-qr]")).ToBeVisibleAsync();
            await stores.AssertSoundAsync();
            await stores.ScreenshotAsync($"merchant-stores-{width}");
            await stores.CloseAsync();
        }

        var till = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, merchant);
        till.ExpectedStatuses.Add(422);
        var page = till.Page;
        await till.GotoAsync("/office/merchant/till");
        await Expect(page.Locator("[data-test=deposit]")).ToHaveTextAsync("¥0.00");
        await page.Locator("input[name=memberId]").FillAsync(customer.Id);
        await page.Locator("input[name=amount]").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "记账" }).ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("¥100.00");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator("[data-test=till-problem]")).ToContainTextAsync("门店保证金不足");

        await platform.TopUpDepositAsync(storeId, 500m);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-test=deposit]")).ToHaveTextAsync("¥500.00");
        await page.Locator("input[name=memberId]").FillAsync(customer.Id);
        await page.Locator("input[name=amount]").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "记账" }).ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("保证金 ¥500.00");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator("[data-test=till-result]")).ToContainTextAsync("记账成功，实收 ¥100.00");
        await Expect(page.Locator("[data-test=deposit]")).Not.ToHaveTextAsync("¥500.00"); // the commission came from the deposit
        await till.AssertSoundAsync();
        await till.ScreenshotAsync("merchant-till");
        await till.CloseAsync();
        Assert.True(decimal.Parse((await customer.WalletAsync()).Text("points"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Finance_ApprovesAWithdrawal_AfterConfirmingItsFigures()
    {
        var (platform, api) = await StartAsync();
        await using var _ = platform;
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        await member.BuyAsync(storeId, "1000.00");
        await member.PostAsync("/api/wallet/sell", new { points = "112.0000" });
        var withdrawal = await member.PostAsync("/api/withdrawals", new { amount = "10.00" });
        var finance = await platform.UserWithRoleAsync("finance");

        var desktop = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, finance);
        await desktop.GotoAsync("/office/finance/withdrawals");
        await Expect(desktop.Page.Locator("[data-test=withdrawal-queue]")).ToContainTextAsync("¥10.00");
        await desktop.AssertSoundAsync();
        await desktop.CloseAsync();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, finance);
        var page = phone.Page;
        await phone.GotoAsync("/office/finance/withdrawals");
        await phone.AssertSoundAsync();
        await page.Locator("[data-test=withdrawal-queue] .el-table__fixed-right, [data-test=withdrawal-queue]").First
            .GetByRole(AriaRole.Button, new() { Name = "通过" }).First.ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync($"通过 {member.Phone} 的提现 ¥10.00");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator("[data-test=withdrawal-queue]")).ToContainTextAsync("没有待审核的提现");
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
        var mine = await member.GetAsync("/api/withdrawals");
        Assert.Equal("paid", mine.EnumerateArray().Single(w => w.Text("id") == withdrawal.Text("id")).Text("status"));
    }

    [Fact]
    public async Task AnAdmin_ApprovesAStore_AndSeesTheComplianceAuditOfARateLive()
    {
        var (platform, api) = await StartAsync();
        await using var _ = platform;
        var merchant = await platform.RegisterAsync();
        var store = await merchant.PostAsync("/api/stores", new { name = "Noodle Bar", region = new { province = "广东省", city = "深圳市", district = "南山区" } });
        var admin = await platform.AdminAsync();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, admin);
        var page = phone.Page;
        await phone.GotoAsync("/office/admin/stores");
        await Expect(page.Locator("[data-test=pending-stores]")).ToContainTextAsync("Noodle Bar");
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("admin-stores");
        await page.Locator("[data-test=pending-stores]").GetByRole(AriaRole.Button, new() { Name = "通过" }).First.ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("通过门店「Noodle Bar」（广东省 深圳市 南山区）？");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(page.Locator("[data-test=pending-stores]")).Not.ToContainTextAsync("Noodle Bar");
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
        Assert.Equal("approved", (await merchant.GetAsync($"/api/stores/{store.Text("id")}")).Text("status"));

        var desktop = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, admin);
        await desktop.GotoAsync("/office/admin/dashboard");
        await Expect(desktop.Page.Locator("[data-test=pool]")).ToHaveTextAsync("¥0.00");
        await desktop.AssertSoundAsync();
        await desktop.ScreenshotAsync("admin-dashboard");
        await desktop.Page.GotoAsync("/office/admin/rates");
        var audit = desktop.Page.Locator("[data-test=audit]");
        await Expect(audit).ToContainTextAsync("代理付");
        await desktop.Page.Locator("input[name=exitMultiple]").FillAsync("2");
        await Expect(audit).ToContainTextAsync("出局倍数 2 × 卖出比例 0.8 = 1.6");
        await desktop.AssertSoundAsync();
        await desktop.ScreenshotAsync("admin-rates");

        // The compliance page states the live configuration's findings with their figures, and the store's promise.
        await desktop.GotoAsync("/office/admin/compliance");
        await Expect(desktop.Page.Locator("[data-test=platform-finding]").Filter(new() { HasText = "区代理付" })).ToContainTextAsync("区代理付 ¥");
        await Expect(desktop.Page.Locator("[data-test=platform-finding]").Filter(new() { HasText = "区代理付" })).Not.ToContainTextAsync("—");
        await Expect(desktop.Page.Locator("[data-test=store-promises]")).ToContainTextAsync("Noodle Bar");
        await Expect(desktop.Page.Locator("[data-test=store-promises]")).ToContainTextAsync("%");
        await desktop.AssertSoundAsync();
        await desktop.CloseAsync();
    }
}
