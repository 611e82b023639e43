using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ValuePool.Server.Tests.Providers;
using static Microsoft.Playwright.Assertions;

namespace ValuePool.Server.Tests;

/// <summary>
/// The console under a real provider (the WeChat Pay and Alipay fakes on loopback), in headless Chromium: a payment answers
/// 202 with what the payer does next, the page draws the code to scan and follows the payment until the provider, asked by
/// the poll, says it was paid. Nothing is granted before that, and the page then shows what the payment bought.
/// </summary>
public sealed class RealProviderConsoleBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static async Task<Platform> StartAsync(TwoStepFake fake)
    {
        var platform = new Platform(fake.Settings());
        platform.UseKestrel(0);
        platform.StartServer();
        return platform;
    }

    [Fact]
    public async Task AMember_PaysAStoreWithWeChatPay_ScansTheCode_AndSeesTheirPointsOnceWeChatPaySaysPaid()
    {
        await using var fake = await TwoStepFake.StartAsync("wechatpay");
        await using var platform = await StartAsync(fake);
        var api = platform.CreateClient();
        var (_, _, shareCode) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        var scanned = new Uri((await member.GetAsync($"/api/links/{shareCode}")).Text("url"));

        var phone = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, member);
        var page = phone.Page;
        await phone.GotoAsync(scanned.PathAndQuery);
        await Expect(page.Locator("[data-test=store-name]")).ToHaveTextAsync("Tea House");
        foreach (var key in "250") await page.Locator(".van-key").Filter(new() { HasTextRegex = new Regex($"^{key}$") }).TapAsync();
        await Expect(page.Locator("[data-test=test-payment]")).ToHaveCountAsync(0); // a real provider: money is taken
        await page.Locator(".van-key--blue").TapAsync();
        var dialog = page.Locator(".van-dialog");
        await Expect(dialog).ToContainTextAsync("向 Tea House 支付 ¥250.00？"); // confirmed before the money moves
        await dialog.GetByRole(AriaRole.Button, new() { Name = "付款" }).TapAsync();

        // 202: the order awaits the payer, who scans the code drawn on the page.
        await Expect(page.Locator("[data-test=payer-qr] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=payer-hint]")).ToHaveTextAsync("请用微信扫码支付");
        await Expect(page.Locator("[data-test=payment-waiting]")).ToContainTextAsync("等待支付 · ¥250.00");
        await Expect(dialog).ToBeHiddenAsync();
        await phone.AssertSoundAsync();
        await phone.ScreenshotAsync("member-pay-qr");
        var order = (await member.GetAsync("/api/orders")).GetProperty("items")[0];
        Assert.Equal(("created", "250.00"), (order.Text("status"), order.Text("amount")));
        Assert.Equal("0.0000", (await member.WalletAsync()).Text("points"));

        // The page loaded anew (the payer back from the provider's page) follows the same order: the same code, no new order.
        await page.ReloadAsync();
        await Expect(page.Locator("[data-test=payer-qr] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=payment-waiting]")).ToContainTextAsync("等待支付 · ¥250.00");
        Assert.Equal(1, (await member.GetAsync("/api/orders")).GetProperty("items").GetArrayLength());

        // The payer paid; WeChat Pay sends no notification here, so only the page's poll (pay again: a signed query) finds it.
        fake.MarkPaid(order.Text("paymentId"));
        await Expect(page.Locator("[data-test=pay-result]")).ToContainTextAsync("付款成功", new() { Timeout = 15_000 });
        var points = (await member.WalletAsync()).Text("points");
        Assert.NotEqual("0.0000", points);
        await Expect(page.Locator("[data-test=points-now]")).ToHaveTextAsync(points);
        await phone.AssertSoundAsync();
        await phone.CloseAsync();

        // Charged once: one order, completed, one trade at the provider.
        var orders = (await member.GetAsync("/api/orders")).GetProperty("items");
        Assert.Equal(1, orders.GetArrayLength());
        Assert.Equal("completed", orders[0].Text("status"));
        Assert.True(fake.HasTrade(order.Text("paymentId"), 25_000));
    }

    [Fact]
    public async Task AMember_BuysAStoresProductWithAlipay_OnTheStoresPage_AndTheOrderIsPaidOnceAlipaySaysSo()
    {
        await using var fake = await TwoStepFake.StartAsync("alipay");
        await using var platform = await StartAsync(fake);
        var api = platform.CreateClient();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea gift box", price = "88.00", shipped = true });
        var member = await platform.RegisterAsync();

        var desk = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, member);
        var page = desk.Page;
        await desk.GotoAsync($"/m/stores/{storeId}");
        await page.Locator("[data-test=store-product]").GetByRole(AriaRole.Button, new() { Name = "购买" }).ClickAsync();
        await page.Locator(".van-dialog").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

        // A desktop browser shows the code to scan with the phone; nothing is paid until Alipay says so.
        var sheet = page.Locator("[data-test=payment-sheet]");
        await Expect(sheet.Locator("[data-test=payer-qr] svg")).ToBeVisibleAsync();
        await Expect(sheet.Locator("[data-test=payer-hint]")).ToHaveTextAsync("请用支付宝扫码支付");
        await Expect(sheet.Locator("[data-test=payment-waiting]")).ToContainTextAsync("等待支付 · ¥88.00");
        await desk.AssertSoundAsync();
        var order = (await member.GetAsync("/api/orders")).GetProperty("items")[0];
        Assert.Equal("created", order.Text("status"));

        fake.MarkPaid(order.Text("paymentId"));
        await Expect(page.Locator("[data-test=member-order]")).ToContainTextAsync("已付款", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-test=member-order]")).ToContainTextAsync("Tea gift box");
        await desk.AssertSoundAsync();
        await desk.CloseAsync();
        var orders = (await member.GetAsync("/api/orders")).GetProperty("items");
        Assert.Equal(1, orders.GetArrayLength());
        Assert.True(fake.HasTrade(order.Text("paymentId"), 8_800));
    }

    [Fact]
    public async Task Finance_RefundsAPaymentDueBack_AfterConfirmingPayerAndAmount()
    {
        await using var fake = await TwoStepFake.StartAsync("alipay");
        await using var platform = await StartAsync(fake);
        var api = platform.CreateClient();
        var (payer, due, _) = await PlatformPaymentRefundTests.RegionTakenMeanwhileAsync(platform, fake);
        var finance = await platform.UserWithRoleAsync("finance");

        var desk = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, finance);
        var page = desk.Page;
        await desk.GotoAsync("/office/finance/refunds-due");
        var row = page.Locator("[data-test=refunds-due] .el-table__row");
        await Expect(row).ToContainTextAsync("代理区域费");
        await Expect(row).ToContainTextAsync("¥50,000.00");
        await desk.AssertSoundAsync();
        await desk.ScreenshotAsync("finance-refunds-due");
        await row.GetByRole(AriaRole.Button, new() { Name = "退款" }).ClickAsync();
        var confirm = page.Locator(".el-message-box");
        await Expect(confirm).ToContainTextAsync($"向 {payer.Id} 原路退还 ¥50,000.00（代理区域费）？");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(page.Locator(".el-message")).ToContainTextAsync("已退款");
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal("refunded", (await payer.GetAsync($"/api/payments/{due}")).GetProperty("payment").Text("status"));
        Assert.Equal(1, fake.RefundCount);
        await desk.CloseAsync();
    }

    [Fact]
    public async Task AMerchant_TopsUpTheDepositWithAlipay_ScansTheCode_AndSeesTheBalanceOnceAlipaySaysPaid()
    {
        await using var fake = await TwoStepFake.StartAsync("alipay");
        await using var platform = await StartAsync(fake);
        var api = platform.CreateClient();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();

        var office = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Phone, merchant);
        var page = office.Page;
        await office.GotoAsync("/office/merchant/deposit");
        await Expect(page.Locator("[data-test=deposit]")).ToHaveTextAsync("¥0.00");
        await page.Locator("input[name=amount]").FillAsync("300");
        await page.GetByRole(AriaRole.Button, new() { Name = "充值" }).ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("向门店保证金充值 ¥300.00（当前 ¥0.00）？");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

        await Expect(page.Locator("[data-test=payer-qr] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=payer-hint]")).ToHaveTextAsync("请用支付宝扫码支付");
        await Expect(page.Locator("[data-test=payment-waiting]")).ToContainTextAsync("等待支付 · ¥300.00");
        await Expect(page.Locator(".el-message-box")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-test=deposit]")).ToHaveTextAsync("¥0.00"); // nothing granted before the money is collected
        await office.AssertSoundAsync();
        await office.ScreenshotAsync("merchant-deposit-qr");

        var payment = (await merchant.GetAsync("/api/payments"))[0];
        Assert.Equal(("awaitingPayment", "300.00"), (payment.Text("status"), payment.Text("amount")));
        fake.MarkPaid(payment.Text("paymentId"));

        // The page's poll (GET /api/payments/{id}) asks Alipay, which says paid: the top-up is granted and shown.
        await Expect(page.Locator("[data-test=deposit]")).ToHaveTextAsync("¥300.00", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-test=payment-paid]")).ToContainTextAsync("已支付 · ¥300.00");
        var row = page.Locator("[data-test=deposit-ledger] tbody tr").First;
        await Expect(row).ToContainTextAsync("充值");
        await Expect(row).ToContainTextAsync(new Regex(@"\d{4}/\d{2}/\d{2} \d{2}:\d{2}")); // when it happened
        await office.AssertSoundAsync();
        await office.ScreenshotAsync("merchant-deposit-paid");
        await office.CloseAsync();

        var deposit = await merchant.GetAsync($"/api/stores/{storeId}/deposit");
        Assert.Equal("300.00", deposit.Text("balance"));
        Assert.Single(deposit.GetProperty("movements").EnumerateArray());
        Assert.Equal("applied", (await merchant.GetAsync("/api/payments"))[0].Text("status"));
    }

    [Fact]
    public async Task AMerchant_AddsAPayingShareholder_TheInvestorScansTheCodeOnTheMerchantsScreen_AndTheLineAppearsOncePaid()
    {
        await using var fake = await TwoStepFake.StartAsync("wechatpay");
        await using var platform = await StartAsync(fake);
        var api = platform.CreateClient();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var investor = await platform.RegisterAsync();

        var office = await browser.OpenAsync(api.BaseAddress!, ConsoleBrowser.Desktop, merchant);
        var page = office.Page;
        await office.GotoAsync("/office/merchant/people");
        await page.Locator("input[name=holderId]").FillAsync(investor.Id);
        await page.Locator("input[name=share]").FillAsync("0.10");
        await page.Locator("input[name=invested]").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加股东" }).ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("投资 ¥30.00 将向其收取");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

        await Expect(page.Locator("[data-test=payer-qr] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=payer-hint]")).ToHaveTextAsync("请用微信扫码支付");
        await Expect(page.GetByText("请投资人扫码支付投资款")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=cap-table]")).Not.ToContainTextAsync(investor.Id); // not granted before it is paid
        await office.AssertSoundAsync();

        // The investor scanned and paid: the merchant's poll asks WeChat Pay and the line is granted.
        var payment = (await investor.GetAsync("/api/payments"))[0];
        Assert.Equal(("shareInvestment", "30.00"), (payment.Text("purpose"), payment.Text("amount")));
        fake.MarkPaid(payment.Text("paymentId"));
        await Expect(page.Locator("[data-test=cap-table]")).ToContainTextAsync(investor.Id, new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-test=cap-table]")).ToContainTextAsync("¥30.00");
        await Expect(page.Locator("[data-test=payment-paid]")).ToContainTextAsync("已支付 · ¥30.00");
        await office.AssertSoundAsync();
        await office.CloseAsync();
        Assert.Equal("applied", (await investor.GetAsync("/api/payments"))[0].Text("status"));
    }
}
