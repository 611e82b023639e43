using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ValuePool.Server.Tests;

/// <summary>The web console in a real browser (headless Chromium through Playwright) against the platform on a loopback port.</summary>
public sealed class ConsoleBrowserTests
{
    [Fact]
    public async Task ANewcomer_RegistersThroughAShareLink_PaysInStore_AndSeesTheirPoints_InChineseThenEnglish()
    {
        await Chromium.EnsureAsync();
        await using var platform = new Platform();
        platform.UseKestrel(0);
        platform.StartServer();
        using var api = platform.CreateClient();
        var (merchant, storeId, shareCode) = await platform.OpenStoreAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Arguments });
        var page = await browser.NewPageAsync(new() { BaseURL = api.BaseAddress!.ToString() });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") scriptErrors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) scriptErrors.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync($"/?ref={shareCode}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("header strong")).ToHaveTextAsync("ValuePool 本地生活消费增值平台");
        var register = page.Locator("form").Nth(1);
        await register.Locator("input[name=phone]").FillAsync("13912345678");
        await register.Locator("input[name=password]").FillAsync("password-1");
        await register.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        var points = page.Locator(".figure", new() { HasText = "增值积分" }).Locator("b");
        await Expect(points).ToHaveTextAsync("0.0000");

        await page.GetByRole(AriaRole.Link, new() { Name = "到店付款" }).ClickAsync();
        await page.Locator("input[name=storeId]").FillAsync(storeId);
        await page.Locator("input[name=amount]").FillAsync("1000.00");
        await Expect(page.Locator("button .badge")).ToHaveTextAsync("测试支付"); // the simulated provider collects nothing
        await page.GetByRole(AriaRole.Button, new() { Name = "付款" }).ClickAsync();
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("completed");
        await page.GetByRole(AriaRole.Link, new() { Name = "我的钱包" }).ClickAsync();
        await Expect(points).ToHaveTextAsync("112.0000"); // MODEL.md's seed vector: ¥1000 at the opening price

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pay in store" })).ToBeVisibleAsync();
        await Expect(page.Locator(".figure", new() { HasText = "Points" }).First.Locator("b")).ToHaveTextAsync("112.0000");

        // The share link bound the newcomer to the store's owner.
        var token = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('session')).token");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(merchant.Id, (await api.GetFromJsonAsync<JsonElement>("/api/wallet")).Text("referrer"));
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }
}
