using System.Net;
using System.Text;
using MiniExcelLibs;

namespace ValuePool.Server.Tests;

/// <summary>CSV and XLSX exports of the back office's lists, read back with MiniExcel: Chinese headers, the list's filters and sort.</summary>
public sealed class ExportTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Orders_ExportWithChineseHeaders_AndTheListsFilters(string format)
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        foreach (var amount in new[] { "30.00", "10.00", "20.00" })
        {
            await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount });
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var mine = await Download(buyer, $"/api/orders/export?format={format}&sort=amount", format);
        Assert.Equal(["10", "20", "30"], mine.Select(row => Number(row["金额（元）"])));
        Assert.All(mine, row => Assert.Equal("已完成", row["状态"]));
        Assert.Equal(["订单号", "会员", "门店", "商品", "金额（元）", "状态", "下单时间", "支付时间", "完成时间", "退款时间"], mine[0].Keys);

        var ofStore = await Download(merchant, $"/api/stores/{storeId}/orders/export?format={format}&sort=-amount", format);
        Assert.Equal(["30", "20", "10"], ofStore.Select(row => Number(row["金额（元）"])));
        Assert.All(ofStore, row => Assert.Equal(buyer.Id, row["会员"]));
        var oneId = (string)ofStore[0]["订单号"]!;
        Assert.Single(await Download(merchant, $"/api/stores/{storeId}/orders/export?format={format}&q={oneId}", format));

        await (await buyer.Http.GetAsync($"/api/stores/{storeId}/orders/export?format={format}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await buyer.Http.GetAsync("/api/orders/export?format=pdf")).AssertFieldError("format");
        await (await buyer.Http.GetAsync("/api/orders/export")).AssertFieldError("format");
    }

    [Fact]
    public async Task StoresAndWithdrawals_Export_ForAdminsAndFinance()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await WalletAndWithdrawalTests.Sell(buyer, "112.0000", null);
        var withdrawal = await buyer.PostAsync("/api/withdrawals", new { amount = "50.00" });
        var admin = await platform.AdminAsync();

        var stores = await Download(admin, "/api/stores/export?format=xlsx", "xlsx");
        var store = Assert.Single(stores);
        Assert.Equal(storeId, store["门店编号"]);
        Assert.Equal("已通过", store["状态"]);
        Assert.Equal("Nanshan", store["区"]);
        Assert.Empty(await Download(buyer, "/api/stores/export?format=csv", "csv")); // anyone else exports their own

        var finance = await platform.UserWithRoleAsync("finance");
        var pending = Assert.Single(await Download(finance, "/api/withdrawals/pending/export?format=csv", "csv"));
        Assert.Equal(withdrawal.Text("id"), pending["提现编号"]);
        Assert.Equal("50", Number(pending["金额（元）"]));
        Assert.Equal("待审核", pending["状态"]);
        Assert.Equal((buyer.Phone, buyer.Phone), (pending["手机号"], pending["收款方"]));
        await finance.PostAsync($"/api/withdrawals/{withdrawal.Text("id")}/reject", new { reason = "收款账户有误" });
        var reviewed = Assert.Single(await Download(finance, "/api/withdrawals/reviewed/export?format=xlsx", "xlsx"));
        Assert.Equal(("已拒绝", finance.Phone, "收款账户有误"), (reviewed["状态"], reviewed["审核人"], reviewed["驳回原因"]));
        await (await buyer.Http.GetAsync("/api/withdrawals/pending/export?format=csv")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Users_ExportWithTheirRolesInChinese(string format)
    {
        await using var platform = new Platform();
        var (merchant, _, _) = await platform.OpenStoreAsync();
        await platform.RegisterAsync();
        var admin = await platform.AdminAsync();
        var all = await Download(admin, $"/api/admin/users/export?format={format}&sort=phone", format);
        Assert.Equal(3, all.Count);
        Assert.Equal(["用户编号", "手机号", "角色", "注册时间"], all[0].Keys);
        var merchants = Assert.Single(await Download(admin, $"/api/admin/users/export?format={format}&role=merchant", format));
        Assert.Equal(merchant.Phone, merchants["手机号"]?.ToString());
        Assert.Contains("商家", (string)merchants["角色"]!);
        await (await merchant.Http.GetAsync($"/api/admin/users/export?format={format}")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheCsv_StartsWithAByteOrderMark_SoExcelReadsItsChinese()
    {
        await using var platform = new Platform();
        var buyer = await platform.RegisterAsync();
        var response = await buyer.Http.GetAsync("/api/orders/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("订单号,", Encoding.UTF8.GetString(bytes[3..]));
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    internal static async Task<List<IDictionary<string, object?>>> Download(User user, string path, string format)
    {
        var response = await user.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, excelType: format == "csv" ? ExcelType.CSV : ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
    }

    private static string Number(object? value) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
