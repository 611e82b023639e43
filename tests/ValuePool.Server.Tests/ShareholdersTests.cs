using System.Globalization;
using System.Net;
using ValuePool.Server.Payments;
using ValuePool.Server.Data;
using ValuePool.Server.Hosting;
using ValuePool.Server.Settlements;

namespace ValuePool.Server.Tests;

public sealed class ShareholdersTests
{
    [Fact]
    public async Task AMember_SeesTheStoresTheyHoldAStakeIn_AsPartnerOrShareholder()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (otherMerchant, otherStore, _) = await platform.OpenStoreAsync("Futian");
        var member = await platform.RegisterAsync();
        Assert.Equal(0, (await member.GetAsync("/api/stakes/mine")).GetArrayLength());
        await AddLineAsync(merchant, storeId, member.Id, "0.25", "0.00");
        await otherMerchant.PostAsync($"/api/stores/{otherStore}/partners", new { memberId = member.Id });
        var stakes = (await member.GetAsync("/api/stakes/mine")).EnumerateArray().ToDictionary(s => s.Text("storeId"));
        Assert.Equal(("Tea House", false, "0.25", "0.00"), (stakes[storeId].Text("storeName"), stakes[storeId].GetProperty("partner").GetBoolean(),
            stakes[storeId].Text("share"), stakes[storeId].Text("invested")));
        Assert.True(stakes[otherStore].GetProperty("partner").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stakes[otherStore].GetProperty("share").ValueKind);
    }

    [Fact]
    public async Task AFiveThousandYuanDay_PaysTheInitiator245_AndA4PercentHolder116_OnceOnly()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (initiator, holder, other) = (await platform.RegisterAsync(), await platform.RegisterAsync(), await platform.RegisterAsync());
        await AddLineAsync(merchant, storeId, merchant.Id, "0.51", "0.00");
        await AddLineAsync(merchant, storeId, initiator.Id, "0.05", "49800.00", initiator: true);
        await AddLineAsync(merchant, storeId, holder.Id, "0.04", "32800.00");
        var table = await AddLineAsync(merchant, storeId, other.Id, "0.40", "328000.00");
        Assert.Equal("1", table.Text("sharesTotal"));

        await (await platform.RegisterAsync()).BuyAsync(storeId, "5000.00");
        var salesDay = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime);
        platform.Clock.Advance(TimeSpan.FromDays(1));
        var work = platform.Service<DueWork>();
        await work.RunOnceAsync();
        Assert.Equal(("245.00", "116.00"), ((await initiator.WalletAsync()).Text("cash"), (await holder.WalletAsync()).Text("cash")));

        // A re-run of the same day (the checkpoint rewound, as after a crash before it was saved) pays nothing twice.
        platform.Service<ServerSettings>().Set(SettlementRunner.Checkpoint, salesDay.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await work.RunOnceAsync();
        await work.RunOnceAsync();
        Assert.Equal(("245.00", "116.00"), ((await initiator.WalletAsync()).Text("cash"), (await holder.WalletAsync()).Text("cash")));
        var dividends = await initiator.GetAsync("/api/shareholders/me/dividends");
        Assert.Equal(["145.00", "100.00"], dividends.EnumerateArray().Select(d => d.Text("amount")));
    }

    [Fact]
    public async Task AnInvestment_IsPaidByTheInvestorThroughTheProvider_AndBookedIntoTheStoresBalance_OnceOnly()
    {
        await using var platform = new Platform();
        var provider = platform.Service<SimulatedPaymentProvider>();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (holder, other) = (await platform.RegisterAsync(), await platform.RegisterAsync());
        await AddLineAsync(merchant, storeId, merchant.Id, "0.60", "0.00");
        Assert.Equal(0, provider.Requests);

        var line = new { memberId = holder.Id, share = "0.40", invested = "32800.00" };
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/shareholders", line, "holder-line");
        var payment = Assert.Single((await holder.GetAsync("/api/payments")).EnumerateArray());
        Assert.Equal(("shareInvestment", storeId, "32800.00", "applied"), (payment.Text("purpose"), payment.Text("subject"), payment.Text("amount"), payment.Text("status")));
        Assert.Equal("32800.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));

        // A retry of the full table answers the same line and payment; a new line above 1 is refused before anyone is charged.
        Assert.Equal("1", (await merchant.PostKeyedAsync($"/api/stores/{storeId}/shareholders", line, "holder-line")).Text("sharesTotal"));
        var requests = provider.Requests;
        var tooMuch = await merchant.SendAsync($"/api/stores/{storeId}/shareholders", new { memberId = other.Id, share = "0.01", invested = "100.00" });
        await tooMuch.AssertProblem(HttpStatusCode.UnprocessableEntity, "SharesAboveOne");
        Assert.Equal(requests, provider.Requests);
        Assert.Single((await holder.GetAsync("/api/payments")).EnumerateArray());
        Assert.Equal(0, (await other.GetAsync("/api/payments")).GetArrayLength());
        Assert.Equal("32800.00", (await merchant.GetAsync($"/api/stores/{storeId}/account")).Text("balance"));
    }

    [Fact]
    public async Task SharesAboveOne_AreRefused_AndBadLinesNamed()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var holder = await platform.RegisterAsync();
        await AddLineAsync(merchant, storeId, holder.Id, "0.60", "0.00");
        var tooMuch = await merchant.SendAsync($"/api/stores/{storeId}/shareholders", new { memberId = holder.Id, share = "0.41", invested = "0.00" });
        await tooMuch.AssertProblem(HttpStatusCode.UnprocessableEntity, "SharesAboveOne");
        var bad = await merchant.SendAsync($"/api/stores/{storeId}/shareholders", new { memberId = "u_nobody", share = "1.5", invested = "-5.00" });
        foreach (var field in new[] { "memberId", "share", "invested" }) await bad.AssertFieldError(field);
        Assert.Equal("0.6", (await merchant.GetAsync($"/api/stores/{storeId}/shareholders")).Text("sharesTotal"));
    }

    [Fact]
    public async Task OnlyTheOwnerAndAdminsChangeTheCapTable_AndOnlyThemAndItsShareholdersSeeIt()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (otherMerchant, _, _) = await platform.OpenStoreAsync("Futian");
        var (holder, member) = (await platform.RegisterAsync(), await platform.RegisterAsync());
        var line = new { memberId = member.Id, share = "0.10", invested = "0.00" };
        await (await member.SendAsync($"/api/stores/{storeId}/shareholders", line)).AssertProblem(HttpStatusCode.Forbidden);
        await (await otherMerchant.SendAsync($"/api/stores/{storeId}/shareholders", line)).AssertProblem(HttpStatusCode.Forbidden);
        await (await platform.AdminAsync()).PostAsync($"/api/stores/{storeId}/shareholders", new { memberId = holder.Id, share = "0.10" });

        var seen = await holder.GetAsync($"/api/stores/{storeId}/shareholders");
        Assert.Equal(holder.Id, Assert.Single(seen.GetProperty("holdings").EnumerateArray()).Text("memberId"));
        await merchant.GetAsync($"/api/stores/{storeId}/shareholders");
        await (await member.Http.GetAsync($"/api/stores/{storeId}/shareholders")).AssertProblem(HttpStatusCode.Forbidden);
        await (await otherMerchant.Http.GetAsync($"/api/stores/{storeId}/shareholders")).AssertProblem(HttpStatusCode.Forbidden);
    }

    private static async Task<System.Text.Json.JsonElement> AddLineAsync(User owner, string storeId, string memberId, string share, string invested,
        bool initiator = false) =>
        await owner.PostAsync($"/api/stores/{storeId}/shareholders", new { memberId, share, invested, initiator });
}
