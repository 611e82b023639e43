using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ValuePool.Server.Tests;

/// <summary>One headless Chromium (Debian's, through Playwright) shared by a test class; each test opens its own pages.</summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    public const int Phone = 390;
    public const int Desktop = 1280;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Chromium.EnsureAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Arguments });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A page at <paramref name="width"/> px (a touch phone at 390), signed in as <paramref name="user"/> when given.</summary>
    public async Task<ConsolePage> OpenAsync(Uri baseAddress, int width, User? user = null)
    {
        var phone = width < 600;
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = phone ? 844 : 800 }, HasTouch = phone, IsMobile = phone,
            DeviceScaleFactor = 1, Locale = "zh-CN",
        });
        if (user is not null)
        {
            var token = await user.PostAsync("/api/accounts/token", new { });
            var session = JsonSerializer.Serialize(new
            {
                token = token.Text("token"), userId = user.Id, phone = user.Phone,
                roles = token.GetProperty("roles").EnumerateArray().Select(role => role.GetString()).ToArray(),
            });
            await context.AddInitScriptAsync($"localStorage.setItem('session', {JsonSerializer.Serialize(session)})");
        }
        var page = await context.NewPageAsync();
        return new ConsolePage(page, width);
    }
}

/// <summary>A console page and what went wrong on it: script errors, failed requests the page did not expect.</summary>
public sealed partial class ConsolePage(IPage page, int width)
{
    private readonly List<string> _errors = Watch(page);

    public IPage Page { get; } = page;

    /// <summary>Responses of these statuses are the flow under test (a refusal the page shows), not errors.</summary>
    public HashSet<int> ExpectedStatuses { get; } = [];

    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // A failed request is judged by its status below (some are the flow under test), not by Chromium's console line about it.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(message.Text);
        };
        return errors;
    }

    /// <summary>The console's scripts and styles this page loaded (its JS and CSS weight).</summary>
    public HashSet<string> Assets { get; } = [];

    public async Task GotoAsync(string path)
    {
        Page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith("/assets/", StringComparison.Ordinal)) lock (Assets) Assets.Add(new Uri(response.Url).AbsolutePath);
            if (response.Status >= 400 && !ExpectedStatuses.Contains(response.Status)) _errors.Add($"{response.Status} {response.Url}");
        };
        await Page.GotoAsync(path);
    }

    /// <summary>No horizontal scrolling, no script error, and nothing raw on the page: no "null", "undefined", "NaN" or enum value.</summary>
    public async Task AssertSoundAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var scroll = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{Page.Url}: the page is {scroll} px wide on a {width} px screen");
        var text = await Page.EvaluateAsync<string>("document.documentElement.lang === 'zh-CN' ? document.body.innerText : document.body.innerText.replace(/[A-Za-z]+/g, m => /^(null|undefined|NaN)$/.test(m) ? m : '')");
        var raw = RawText().Matches(text).Select(match => match.Value).Distinct().ToArray();
        Assert.True(raw.Length == 0, $"{Page.Url}: untranslated text {string.Join(", ", raw)}");
        _errors.RemoveAll(error => error.Contains("ResizeObserver", StringComparison.Ordinal));
        Assert.True(_errors.Count == 0, $"{Page.Url}: " + string.Join("\n", _errors));
    }

    /// <summary>Saves a screenshot for docs/CONSOLE.md when VALUEPOOL_SCREENSHOTS=1 (the committed ones came from this).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("VALUEPOOL_SCREENSHOTS") != "1") return;
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Root, "docs", "console", $"{name}.png") });
    }

    public async Task CloseAsync() => await Page.Context.CloseAsync();

    /// <summary>
    /// What a Chinese page must never show: "null", "undefined", "NaN", a raw status, role, level, kind or problem code, or an i18n key
    /// (a missing translation shows as its key, such as <c>merchant.deposit</c>).
    /// </summary>
    [GeneratedRegex(@"\b(null|undefined|NaN|pending|approved|rejected|completed|created|refunded|paid|member|merchant|promoter|agent|finance|shareholder|partner|admin|" +
        @"district|city|province|topUp|tillCommission|ReferralReward|RecruiterReward|AgentReward|ShareholderDividend|PartnerDividend|ForcedExitPayout|SalePayout|" +
        @"Consume|Sell|Review|Risk|InsufficientDeposit|ValidationFailed)\b|\b(app|nav|auth|wallet|pay|sell|withdraw|history|rewards|invite|shopping|shop|dividends|" +
        @"merchant|finance|admin|agent|rate|audit|field|enum|error|log)\.[A-Za-z_][\w.]*")]
    private static partial Regex RawText();
}
