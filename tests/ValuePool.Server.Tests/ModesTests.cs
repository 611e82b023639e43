using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace ValuePool.Server.Tests;

/// <summary>The distribution modes through the server: the configuration and its audit, offline statements (财务宝), the holdings snapshot.</summary>
public class ModesTests
{
    private static readonly object OfflineModes = new
    {
        levels = new[] { new { name = "V1", teamSpend = "100.00", rate = "0.001" } },
        differential = "offline",
        peer = "offline",
    };

    /// <summary>The merchant's store brings a member who orders ¥1,000 twice: the first lifts the merchant to V1, the second owes them ¥1.00 offline.</summary>
    private static async Task<(User Merchant, User Member)> OfflineDifferential(Platform platform)
    {
        var admin = await platform.AdminAsync();
        var config = await admin.Http.PutAsJsonAsync("/api/admin/config", OfflineModes);
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        var (merchant, storeId, code) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync(code);
        await member.BuyAsync(storeId, "1000.00");
        await member.BuyAsync(storeId, "1000.00");
        return (merchant, member);
    }

    [Fact]
    public async Task TheConfiguration_AcceptsTheModes_AuditsThem_AndRefusesAPayoutAboveTheBudget()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        await (await admin.Http.PutAsJsonAsync("/api/admin/config", new
        {
            levels = new[] { new { name = "V1", teamSpend = "100.00", rate = "0.008" } },
            differential = "wallet",
        })).AssertFieldError("config");
        var changed = await admin.Http.PutAsJsonAsync("/api/admin/config", OfflineModes);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("V1", body.GetProperty("config").GetProperty("levels")[0].Text("name"));
        Assert.Equal("offline", body.GetProperty("config").Text("differential"));
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.Text("code") == "multi-level-differential");
        Assert.Equal("Review", finding.Text("severity"));
        Assert.Contains("224-1", finding.Text("rule"));
    }

    [Fact]
    public async Task AnOfflineStatement_ListsItsOrders_Exports_AndIsMarkedPaidOnce()
    {
        await using var platform = new Platform();
        var (merchant, member) = await OfflineDifferential(platform);
        var cashBefore = (await merchant.WalletAsync()).Text("cash");
        var finance = await platform.UserWithRoleAsync("finance");
        var period = platform.Clock.GetUtcNow().ToString("yyyy-MM");

        var list = await finance.GetAsync($"/api/finance/statements?period={period}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var statement = list.GetProperty("items")[0];
        Assert.Equal((merchant.Id, "1.00", 1, false), (statement.Text("payeeId"), statement.Text("amount"), statement.GetProperty("items").GetInt32(), statement.GetProperty("paid").GetBoolean()));
        var maskedPhone = $"{merchant.Phone[..3]}****{merchant.Phone[^4..]}"; // the payee by phone, masked
        Assert.Equal(maskedPhone, statement.Text("payeePhone"));

        var detail = await finance.GetAsync($"/api/finance/statements/{period}/{merchant.Id}");
        Assert.Equal(maskedPhone, detail.GetProperty("statement").Text("payeePhone"));
        var item = detail.GetProperty("items")[0];
        Assert.Equal(("Differential", "1.00", member.Id, "1000.00"), (item.Text("kind"), item.Text("amount"), item.Text("buyerId"), item.Text("orderAmount")));

        var csv = await finance.Http.GetAsync($"/api/finance/statements/export?format=csv&period={period}");
        using (var stream = new MemoryStream(await csv.Content.ReadAsByteArrayAsync()))
        {
            var row = Assert.Single(stream.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>());
            Assert.Equal("多级别级差", row["类型"]?.ToString());
            Assert.Equal(member.Id, row["下单会员"]?.ToString());
        }

        var paid = await finance.PostAsync($"/api/finance/statements/{period}/{merchant.Id}/paid", new { });
        Assert.Equal((true, finance.Id, "1.00", maskedPhone), (paid.GetProperty("paid").GetBoolean(), paid.Text("paidBy"), paid.Text("paidAmount"), paid.Text("payeePhone")));
        var admin = await platform.AdminAsync();
        var again = await admin.PostAsync($"/api/finance/statements/{period}/{merchant.Id}/paid", new { });
        Assert.Equal(finance.Id, again.Text("paidBy"));
        Assert.Equal(cashBefore, (await merchant.WalletAsync()).Text("cash")); // paid outside the platform: no ledger movement
        var log = await admin.GetAsync("/api/admin/operator-log?action=statement.paid");
        Assert.Equal(2, log.GetProperty("total").GetInt32());

        await (await finance.Http.GetAsync("/api/finance/statements?period=2026-13")).AssertFieldError("period");
        await (await member.Http.GetAsync("/api/finance/statements")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Http.PostAsJsonAsync($"/api/finance/statements/{period}/nobody/paid", new { })).StatusCode);
    }

    [Fact]
    public async Task TheHoldingsSnapshot_ExportsEveryLine_AndAMemberFetchesTheirOwnUnderTheSameHash()
    {
        await using var platform = new Platform();
        var (_, member) = await OfflineDifferential(platform);
        var admin = await platform.AdminAsync();
        var export = await admin.Http.GetAsync("/api/admin/holdings?format=json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var snapshot = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        var sequence = snapshot.GetProperty("sequence").GetInt64();
        var line = snapshot.GetProperty("members").EnumerateArray().Single(m => m.Text("member") == member.Id);

        var own = await member.GetAsync($"/api/wallet/holdings?at={sequence}");
        Assert.Equal(snapshot.Text("journalHash"), own.Text("journalHash"));
        Assert.Equal((line.Text("points"), line.Text("cash")), (own.Text("points"), own.Text("cash")));
        Assert.Equal((await member.WalletAsync()).Text("points"), own.Text("points"));
        Assert.Equal(snapshot.GetProperty("price").GetProperty("poolFen").GetInt64(), own.GetProperty("priceFraction").GetProperty("poolFen").GetInt64());

        var csv = await admin.Http.GetAsync($"/api/admin/holdings?at={sequence}&format=csv");
        Assert.StartsWith("member,points,cash,shoppingPoints,sequence,journalHash", await csv.Content.ReadAsStringAsync());
        await (await member.Http.GetAsync("/api/wallet/holdings?at=x")).AssertFieldError("at");
        await (await member.Http.GetAsync("/api/wallet/holdings?at=999999")).AssertFieldError("at");
        await (await member.Http.GetAsync("/api/admin/holdings")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheHoldingsSnapshot_IsPagedAndSearchedOnTheServer_UnderTheFilesHash()
    {
        await using var platform = new Platform();
        var (_, member) = await OfflineDifferential(platform);
        var admin = await platform.AdminAsync();
        var file = JsonDocument.Parse(await (await admin.Http.GetAsync("/api/admin/holdings?format=json")).Content.ReadAsStringAsync()).RootElement;
        var members = file.GetProperty("members").EnumerateArray().ToArray();
        Assert.True(members.Length >= 2);
        var sequence = file.GetProperty("sequence").GetInt64();

        var first = await admin.GetAsync($"/api/admin/holdings/lines?at={sequence}&pageSize=1");
        Assert.Equal((sequence, file.Text("journalHash"), members.Length), (first.GetProperty("sequence").GetInt64(), first.Text("journalHash"), first.GetProperty("holders").GetInt32()));
        Assert.Equal(file.GetProperty("price").GetProperty("poolFen").GetInt64(), first.GetProperty("priceFraction").GetProperty("poolFen").GetInt64());
        var lines = first.GetProperty("lines");
        Assert.Equal((members.Length, 1), (lines.GetProperty("total").GetInt32(), lines.GetProperty("items").GetArrayLength()));
        var mostPoints = members.Max(m => decimal.Parse(m.Text("points"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(mostPoints, decimal.Parse(lines.GetProperty("items")[0].Text("points"), System.Globalization.CultureInfo.InvariantCulture)); // most points first

        var found = await admin.GetAsync($"/api/admin/holdings/lines?q={member.Id.ToUpperInvariant()}");
        var line = Assert.Single(found.GetProperty("lines").GetProperty("items").EnumerateArray());
        var inFile = members.Single(m => m.Text("member") == member.Id);
        Assert.Equal((member.Id, inFile.Text("points"), inFile.Text("cash"), inFile.Text("shoppingPoints")),
            (line.Text("member"), line.Text("points"), line.Text("cash"), line.Text("shoppingPoints")));
        Assert.Equal(members.Length, found.GetProperty("holders").GetInt32());

        await (await admin.Http.GetAsync("/api/admin/holdings/lines?sort=phone")).AssertFieldError("sort");
        await (await admin.Http.GetAsync("/api/admin/holdings/lines?at=999999")).AssertFieldError("at");
        await (await member.Http.GetAsync("/api/admin/holdings/lines")).AssertProblem(HttpStatusCode.Forbidden);
    }
}
