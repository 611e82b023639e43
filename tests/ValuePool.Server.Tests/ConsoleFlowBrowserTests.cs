using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ValuePool.Server.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ValuePool.Server.Tests;

/// <summary>
/// The money flows of the console's roles in headless Chromium: a member sells and withdraws, finance approves one withdrawal and
/// rejects another with a reason; an agent buys a region and sees its rewards by day; a shareholder sees the cap table and a dividend;
/// finance marks an offline statement (财务宝) paid.
/// </summary>
public sealed class ConsoleFlowBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly object Nanshan = new { province = "广东省", city = "深圳市", district = "南山区" };

    [Fact]
    public async Task AMember_SellsAndWithdraws_FinanceApprovesOne_AndRejectsOneWithAReason()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        await member.BuyAsync(storeId, "1000.00");

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, member);
        var page = phone.Page;
        await phone.GotoAsync("/m/sell");
        await page.Locator("input[name=points]").FillAsync("112");
        await Expect(page.Locator("[data-test=sell-preview]")).ToContainTextAsync("预计到账 ¥");
        var preview = await page.Locator("[data-test=sell-preview]").InnerTextAsync();
        await page.Locator(".card > .van-button").TapAsync();
        var dialog = page.Locator(".van-dialog");
        await Expect(dialog).ToContainTextAsync("卖出 112.0000 积分");
        await Expect(dialog).ToContainTextAsync(preview.Replace("预计到账 ", "", StringComparison.Ordinal));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
        await Expect(page.Locator(".van-toast")).ToContainTextAsync("已卖出");
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-sell");

        foreach (var amount in new[] { "20", "30" })
        {
            await phone.GotoAsync("/m/withdraw");
            await Expect(page.Locator("[data-test=minimum]")).ToContainTextAsync("最低提现");
            await page.Locator("input[name=amount]").FillAsync(amount);
            await page.GetByRole(AriaRole.Button, new() { Name = "提现" }).Last.TapAsync();
            await Expect(page.Locator(".van-dialog")).ToContainTextAsync($"提现 ¥{amount}.00");
            await page.Locator(".van-dialog").GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
            await Expect(page.Locator(".van-toast")).ToContainTextAsync("已提交");
        }
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-withdraw");

        var finance = await platform.UserWithRoleAsync("finance");
        var desk = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, finance);
        var office = desk.Page;
        await desk.GotoAsync("/office/finance/withdrawals");
        var queue = office.Locator("[data-test=withdrawal-queue]");
        await Expect(queue).ToContainTextAsync(member.Phone); // the payee and the phone
        await Expect(queue).ToContainTextAsync("¥20.00");
        await desk.AssertSoundAsync();
        await desk.ScreenshotAsync("finance-withdrawals");
        await queue.Locator(".el-table__row").Filter(new() { HasText = "¥20.00" }).First.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(office.Locator(".el-message-box")).ToContainTextAsync($"通过 {member.Phone} 的提现 ¥20.00");
        await office.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(queue).Not.ToContainTextAsync("¥20.00");

        await queue.Locator(".el-table__row").Filter(new() { HasText = "¥30.00" }).First.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        var prompt = office.Locator(".el-message-box");
        await Expect(prompt).ToContainTextAsync($"驳回 {member.Phone} 的提现 ¥30.00");
        await prompt.Locator("input").FillAsync("收款账户有误");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(queue).ToContainTextAsync("没有待审核的提现");

        await office.GetByRole(AriaRole.Tab, new() { Name = "审核记录" }).ClickAsync();
        var history = office.Locator("[data-test=withdrawal-history]");
        await Expect(history).ToContainTextAsync("收款账户有误");
        await Expect(history).ToContainTextAsync("已驳回");
        await Expect(history).ToContainTextAsync(finance.Phone); // the reviewer
        await desk.AssertSoundAsync();
        await desk.ScreenshotAsync("finance-history");
        await desk.CloseAsync();

        await phone.GotoAsync("/m/withdraw");
        await Expect(page.Locator("body")).ToContainTextAsync("已付款");
        await Expect(page.Locator("body")).ToContainTextAsync("已驳回");
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
    }

    [Fact]
    public async Task AnAgent_BuysARegionAfterConfirmingTheFee_AndSeesItsRewardsByDay()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var agent = await platform.UserWithRoleAsync("agent");

        var desk = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, agent);
        var page = desk.Page;
        await desk.GotoAsync("/office/agent");
        await Expect(page.Locator("[data-test=offer]")).ToContainTextAsync("¥50,000.00");
        await page.Locator(".el-cascader").ClickAsync();
        foreach (var name in new[] { "广东省", "深圳市", "南山区" })
            await page.Locator(".el-cascader-node").Filter(new() { HasText = name }).First.Locator(".el-cascader-node__label").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "购买代理区域" }).ClickAsync();
        var confirm = page.Locator(".el-message-box");
        await Expect(confirm).ToContainTextAsync("购买区级代理「广东省 深圳市 南山区」，费用 ¥50,000.00");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator(".el-table").First).ToContainTextAsync("广东省/深圳市/南山区");

        // A store in the region sells: the agent is paid its share of the order.
        var merchant = await platform.RegisterAsync();
        var store = await merchant.PostAsync("/api/stores", new { name = "Noodle Bar", region = Nanshan });
        await (await platform.AdminAsync()).PostAsync($"/api/stores/{store.Text("id")}/approve", new { });
        await (await platform.RegisterAsync()).BuyAsync(store.Text("id"), "1000.00");
        var reward = (await agent.GetAsync("/api/agents/rewards")).EnumerateArray().Single();

        await page.ReloadAsync();
        await Expect(page.Locator("[data-test=agent-rewards]")).ToContainTextAsync("代理奖励");
        await Expect(page.Locator("[data-test=agent-by-day]")).ToContainTextAsync(Yuan(reward.Text("amount")));
        await desk.AssertSoundAsync();
        await desk.ScreenshotAsync("agent-regions");
        await desk.CloseAsync();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, agent);
        await phone.GotoAsync("/office/agent");
        await Expect(phone.Page.Locator("[data-test=agent-rewards]")).ToContainTextAsync(Yuan(reward.Text("amount")));
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
    }

    [Fact]
    public async Task AShareholder_SeesTheirStore_TheCapTable_AndADividend()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var holder = await platform.RegisterAsync();
        // Dividends are paid from a full table: the owner keeps 60%.
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/shareholders", new { memberId = merchant.Id, share = "0.60", invested = "0.00" }, "owner");
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/shareholders", new { memberId = holder.Id, share = "0.40", invested = "0.00" }, "holder");
        await (await platform.RegisterAsync()).BuyAsync(storeId, "5000.00");
        platform.Clock.Advance(TimeSpan.FromDays(1));
        await platform.Service<DueWork>().RunOnceAsync();
        var dividend = (await holder.GetAsync("/api/shareholders/me/dividends")).EnumerateArray().First();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, holder);
        var page = phone.Page;
        await phone.GotoAsync("/m/dividends");
        await Expect(page.Locator("[data-test=stakes]")).ToContainTextAsync("Tea House");
        await Expect(page.Locator("[data-test=stakes]")).ToContainTextAsync("股份 40%");
        await Expect(page.Locator("[data-test=cap-table]")).ToContainTextAsync(holder.Id);
        await Expect(page.Locator("[data-test=shareholder-dividends]")).ToContainTextAsync("股东分红");
        await Expect(page.Locator("[data-test=shareholder-dividends]")).ToContainTextAsync(Yuan(dividend.Text("amount")));
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-dividends");
        await phone.CloseAsync();
    }

    [Fact]
    public async Task AMember_BuysAProductAndACard_OnTheStoresPage_ThenRefundsTheProductWithinItsAfterSalesWindow()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = "Gold", price = "300.00", discount = "0.1", openingShoppingPoints = "50.00" });
        await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea gift box", price = "88.00", shipped = true });
        var member = await platform.RegisterAsync();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, member);
        var page = phone.Page;
        var dialog = page.Locator(".van-dialog");
        await phone.GotoAsync($"/m/stores/{storeId}");
        await Expect(page.Locator("[data-test=store-name]")).ToHaveTextAsync("Tea House");
        var product = page.Locator("[data-test=store-product]");
        await product.Locator(".van-stepper__plus").TapAsync();
        await phone.ScreenshotAsync("member-store");
        await product.GetByRole(AriaRole.Button, new() { Name = "购买" }).TapAsync();
        await Expect(dialog).ToContainTextAsync("在 Tea House 购买「Tea gift box」× 2，支付 ¥176.00？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
        var order = page.Locator("[data-test=member-order]");
        await Expect(order).ToContainTextAsync("Tea gift box");
        await Expect(order).ToContainTextAsync("¥176.00");
        await Expect(order).ToContainTextAsync("已付款");
        await Expect(order).ToContainTextAsync("售后期至");
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-orders");

        await order.GetByRole(AriaRole.Button, new() { Name = "申请退款" }).TapAsync();
        await Expect(dialog).ToContainTextAsync("退回「Tea gift box」的 ¥176.00？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
        await Expect(order).ToContainTextAsync("已退款");

        await phone.GotoAsync($"/m/stores/{storeId}");
        await Expect(page.Locator("[data-test=store-card]")).ToContainTextAsync("Gold");
        await page.GetByRole(AriaRole.Button, new() { Name = "购买 ¥300.00" }).TapAsync();
        await Expect(dialog).ToContainTextAsync("购买 Tea House 的「Gold」，支付 ¥300.00？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
        await Expect(page.Locator("[data-test=held-card]")).ToContainTextAsync("Gold");
        await Expect(page.Locator("[data-test=held-card]")).ToContainTextAsync("有效");
        await phone.AssertSoundAsync();
        Assert.Equal("50.00", (await member.GetAsync("/api/shopping-points")).Text("balance"));

        // The store rings up a sale at its till for the card holder: it is among the member's till sales, with the discount.
        await platform.TopUpDepositAsync(storeId, 100m);
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/checkout", new { memberId = member.Id, amount = "100.00" }, "till-1");
        await phone.GotoAsync("/m/orders");
        await Expect(page.Locator("[data-test=till-sale]")).ToContainTextAsync("¥90.00");
        await Expect(page.Locator("[data-test=till-sale]")).ToContainTextAsync("原价 ¥100.00，会员卡折扣");
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
    }

    [Fact]
    public async Task AMember_ChangesTheirPassword_ThenSignsOutEverywhere()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var member = await platform.RegisterAsync();

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, member);
        var page = phone.Page;
        await phone.GotoAsync("/m/account");
        await page.Locator("input[name=oldPassword]").FillAsync(Platform.MemberPassword);
        await page.Locator("input[name=newPassword]").FillAsync("new-password-2");
        await page.Locator("input[name=repeated]").FillAsync("new-password-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).TapAsync();
        await Expect(page.Locator(".van-toast")).ToContainTextAsync("密码已修改");
        await platform.LoginAsync(member.Phone, "new-password-2");

        await page.Locator("[data-test=sign-out-everywhere]").TapAsync();
        await page.Locator(".van-dialog").GetByRole(AriaRole.Button, new() { Name = "确认" }).TapAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"));
        await phone.AssertSoundAsync();
        await phone.CloseAsync();
    }

    [Fact]
    public async Task Finance_OpensAnOfflineStatement_AndMarksItPaidAfterConfirmingTheAmount()
    {
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        var api = platform.CreateClient();
        var admin = await platform.AdminAsync();
        await admin.Http.PutAsJsonAsync("/api/admin/config", new
        {
            levels = new[] { new { name = "V1", teamSpend = "100.00", rate = "0.001" } }, differential = "offline", peer = "offline",
        });
        var (merchant, storeId, code) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync(code);
        await member.BuyAsync(storeId, "1000.00"); // lifts the merchant to V1
        await member.BuyAsync(storeId, "1000.00"); // owes them ¥1.00, settled offline
        var finance = await platform.UserWithRoleAsync("finance");

        var desk = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, finance);
        var page = desk.Page;
        await desk.GotoAsync("/office/finance/statements");
        var row = page.Locator("[data-test=statement-list] .el-table__row").Filter(new() { HasText = merchant.Id }).First;
        await Expect(row).ToContainTextAsync("¥1.00");
        await Expect(row).ToContainTextAsync("未结清");
        await row.Locator("[data-test=statement-detail]").ClickAsync();
        var items = page.Locator("[data-test=statement-items]");
        await Expect(items).ToContainTextAsync("级差奖");
        await Expect(items).ToContainTextAsync(member.Id);
        await Expect(items).ToContainTextAsync("¥1,000.00");
        await desk.AssertSoundAsync();
        await page.Locator(".el-dialog__headerbtn").ClickAsync();

        await row.Locator("[data-test=statement-paid]").ClickAsync();
        var confirm = page.Locator(".el-message-box");
        await Expect(confirm).ToContainTextAsync($"确认已线下向 {merchant.Phone[..3]}****{merchant.Phone[^4..]} 打款 ¥1.00");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator(".el-message")).ToContainTextAsync("已标记结清");
        await Expect(row).ToContainTextAsync("已结清");
        await Expect(row).ToContainTextAsync($"{finance.Id} 于");
        await Expect(row.Locator("[data-test=statement-paid]")).ToHaveCountAsync(0);
        await desk.AssertSoundAsync();
        await desk.ScreenshotAsync("finance-statements");
        var period = platform.Clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal(finance.Id, (await finance.GetAsync($"/api/finance/statements/{period}/{merchant.Id}")).GetProperty("statement").Text("paidBy"));
        await desk.CloseAsync();
    }

    /// <summary>"1234.5" as the console writes it: "¥1,234.50".</summary>
    private static string Yuan(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture).ToString("¥#,##0.00", CultureInfo.InvariantCulture);
}
