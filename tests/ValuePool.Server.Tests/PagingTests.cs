using System.Net;
using System.Text.Json;
using ValuePool.Testing;

namespace ValuePool.Server.Tests;

/// <summary>The back office's lists: <c>page</c>, <c>pageSize</c> (≤ 200), <c>q</c> and <c>sort</c>, answered as <c>{ items, total, page, pageSize }</c>.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Orders_ArePagedSearchedAndSortedInSql() => await OrdersScenario(new Platform());

    internal static async Task OrdersScenario(Platform platform)
    {
        await using var _ = platform;
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        foreach (var amount in new[] { "30.00", "10.00", "50.00", "20.00", "40.00" })
        {
            await buyer.PostAsync($"/api/stores/{storeId}/pay", new { amount });
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await buyer.GetAsync("/api/orders?page=1&pageSize=2");
        Assert.Equal(5, first.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(["40.00", "20.00"], Amounts(first)); // newest first by default
        Assert.Equal(["30.00"], Amounts(await buyer.GetAsync("/api/orders?page=3&pageSize=2")));
        Assert.Empty(Amounts(await buyer.GetAsync("/api/orders?page=9&pageSize=2")));

        Assert.Equal(["10.00", "20.00", "30.00", "40.00", "50.00"], Amounts(await buyer.GetAsync("/api/orders?sort=amount")));
        Assert.Equal(["50.00", "40.00"], Amounts(await merchant.GetAsync($"/api/stores/{storeId}/orders?sort=-amount&pageSize=2")));
        Assert.Equal(20, (await merchant.GetAsync($"/api/stores/{storeId}/orders")).GetProperty("pageSize").GetInt32());

        var one = (await buyer.GetAsync("/api/orders?sort=amount")).GetProperty("items")[0].Text("id");
        var found = await merchant.GetAsync($"/api/stores/{storeId}/orders?q={one.ToUpperInvariant()}");
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        Assert.Equal(one, found.GetProperty("items")[0].Text("id"));
        Assert.Equal(0, (await buyer.GetAsync("/api/orders?q=%25_")).GetProperty("total").GetInt64()); // wildcards are literal
        Assert.Equal(5, (await buyer.GetAsync("/api/orders?status=completed")).GetProperty("total").GetInt64());

        await (await buyer.Http.GetAsync("/api/orders?pageSize=201")).AssertFieldError("pageSize");
        await (await buyer.Http.GetAsync("/api/orders?page=0")).AssertFieldError("page");
        await (await buyer.Http.GetAsync("/api/orders?page=x")).AssertFieldError("page");
        await (await buyer.Http.GetAsync($"/api/stores/{storeId}/orders?sort=memberId")).AssertFieldError("sort");
        Assert.Equal(5, (await buyer.GetAsync("/api/orders?pageSize=200")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Stores_AndUsers_ArePagedAndSearched_ForAdmins() => await StoresAndUsersScenario(new Platform());

    internal static async Task StoresAndUsersScenario(Platform platform)
    {
        await using var _ = platform;
        var (merchant, storeId, _) = await platform.OpenStoreAsync("Futian");
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await platform.RegisterAsync();
        await other.PostAsync("/api/stores", new { name = "Zebra Tea", region = new { province = "Guangdong", city = "Shenzhen", district = "Luohu" } });
        var admin = await platform.AdminAsync();

        var stores = await admin.GetAsync("/api/stores?pageSize=1");
        Assert.Equal(2, stores.GetProperty("total").GetInt64());
        Assert.Equal(storeId, stores.GetProperty("items")[0].Text("id")); // oldest first
        Assert.Equal("Zebra Tea", (await admin.GetAsync("/api/stores?sort=-name")).GetProperty("items")[0].Text("name"));
        Assert.Equal(["Zebra Tea"], Names(await admin.GetAsync("/api/stores?q=luohu")));
        Assert.Equal(["Zebra Tea"], Names(await admin.GetAsync("/api/stores?status=pending")));
        Assert.Equal(1, (await other.GetAsync("/api/stores")).GetProperty("total").GetInt64()); // anyone else sees their own
        await (await admin.Http.GetAsync("/api/stores?sort=owner")).AssertFieldError("sort");

        var users = await admin.GetAsync("/api/admin/users");
        Assert.Equal(3, users.GetProperty("total").GetInt64());
        var byPhone = await admin.GetAsync($"/api/admin/users?q={other.Phone[^6..]}");
        Assert.Equal(other.Id, Assert.Single(byPhone.GetProperty("items").EnumerateArray()).Text("id"));
        var byId = Assert.Single((await admin.GetAsync($"/api/admin/users?q={merchant.Id}")).GetProperty("items").EnumerateArray());
        Assert.Contains("merchant", byId.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(merchant.Id, Assert.Single((await admin.GetAsync("/api/admin/users?role=merchant")).GetProperty("items").EnumerateArray()).Text("id"));
        Assert.Equal(Platform.AdminPhone, (await admin.GetAsync("/api/admin/users?sort=phone&pageSize=1")).GetProperty("items")[0].Text("phone"));
        await (await admin.Http.GetAsync("/api/admin/users?role=king")).AssertFieldError("role");
        await (await admin.Http.GetAsync("/api/admin/users?pageSize=1000")).AssertFieldError("pageSize");
        await (await merchant.Http.GetAsync("/api/admin/users")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Withdrawals_PendingAndReviewed_ArePagedInMemory()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await WalletAndWithdrawalTests.Sell(buyer, "112.0000", null);
        var ids = new List<string>();
        foreach (var amount in new[] { "20.00", "40.00", "30.00" })
        {
            ids.Add((await buyer.PostKeyedAsync("/api/withdrawals", new { amount }, "w-" + amount)).Text("id"));
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var finance = await platform.UserWithRoleAsync("finance");
        var pending = await finance.GetAsync("/api/withdrawals/pending?pageSize=2");
        Assert.Equal(3, pending.GetProperty("total").GetInt64());
        Assert.Equal(["20.00", "40.00"], Amounts(pending)); // oldest first: the queue's order
        Assert.Equal(["40.00", "30.00", "20.00"], Amounts(await finance.GetAsync("/api/withdrawals/pending?sort=-amount")));
        Assert.Equal(["30.00"], Amounts(await finance.GetAsync($"/api/withdrawals/pending?q={ids[2]}")));

        await finance.PostAsync($"/api/withdrawals/{ids[0]}/approve", new { });
        await finance.PostAsync($"/api/withdrawals/{ids[1]}/reject", new { });
        Assert.Equal(["30.00"], Amounts(await finance.GetAsync("/api/withdrawals/pending")));
        var reviewed = await finance.GetAsync("/api/withdrawals/reviewed?sort=amount");
        Assert.Equal(["20.00", "40.00"], Amounts(reviewed));
        Assert.Equal(["paid"], (await finance.GetAsync("/api/withdrawals/reviewed?status=paid")).GetProperty("items").EnumerateArray().Select(w => w.Text("status")));
        await (await finance.Http.GetAsync("/api/withdrawals/reviewed?pageSize=0")).AssertFieldError("pageSize");
        await (await finance.Http.GetAsync("/api/withdrawals/reviewed?status=approved")).AssertFieldError("status");
        await (await buyer.Http.GetAsync("/api/withdrawals/reviewed")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FinancesQueueAndHistory_NameThePhonePayeeAndReview_WithTheRejectionsReason()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await WalletAndWithdrawalTests.Sell(buyer, "112.0000", null);
        var paid = (await buyer.PostKeyedAsync("/api/withdrawals", new { amount = "20.00" }, "w-paid")).Text("id");
        var refused = (await buyer.PostKeyedAsync("/api/withdrawals", new { amount = "30.00" }, "w-refused")).Text("id");
        var payout = (await merchant.PostKeyedAsync($"/api/stores/{storeId}/payouts", new { amount = "10.00" }, "p-1")).Text("id");
        var finance = await platform.UserWithRoleAsync("finance");

        var queued = (await finance.GetAsync("/api/withdrawals/pending")).GetProperty("items").EnumerateArray().ToDictionary(w => w.Text("id"));
        Assert.Equal(buyer.Phone, queued[paid].Text("memberPhone"));
        Assert.Equal(buyer.Phone, queued[paid].Text("payee"));
        Assert.Equal("Tea House", queued[payout].Text("payee")); // a payout is paid to the store
        Assert.Equal(JsonValueKind.Null, queued[paid].GetProperty("reviewedBy").ValueKind);

        await finance.PostAsync($"/api/withdrawals/{paid}/approve", new { });
        await (await finance.SendAsync($"/api/withdrawals/{refused}/reject", new { reason = new string('长', 201) })).AssertFieldError("reason");
        await finance.PostAsync($"/api/withdrawals/{refused}/reject", new { reason = "收款账户有误" });
        var history = (await finance.GetAsync("/api/withdrawals/reviewed")).GetProperty("items").EnumerateArray().ToDictionary(w => w.Text("id"));
        Assert.Equal((finance.Id, finance.Phone, "paid"), (history[paid].Text("reviewedBy"), history[paid].Text("reviewerPhone"), history[paid].Text("status")));
        Assert.Equal(JsonValueKind.Null, history[paid].GetProperty("rejectReason").ValueKind);
        Assert.Equal(("rejected", "收款账户有误"), (history[refused].Text("status"), history[refused].Text("rejectReason")));
        Assert.True(history[refused].GetProperty("reviewedAt").GetDateTimeOffset() <= platform.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Rewards_ArePagedFilteredAndExported_ForFinanceAndAdmins()
    {
        await using var platform = new Platform();
        var (merchant, storeId, shareCode) = await platform.OpenStoreAsync();
        var buyers = new List<User>();
        foreach (var amount in new[] { "1000.00", "500.00" })
        {
            var buyer = await platform.RegisterAsync(shareCode);
            await buyer.BuyAsync(storeId, amount);
            buyers.Add(buyer);
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var finance = await platform.UserWithRoleAsync("finance");
        var all = await finance.GetAsync("/api/rewards?pageSize=200");
        var referrals = all.GetProperty("items").EnumerateArray().Where(r => r.Text("kind") == "ReferralReward").ToList();
        Assert.Equal(2, referrals.Count);
        Assert.All(referrals, r => Assert.Equal(merchant.Id, r.Text("memberId")));
        Assert.True(referrals[0].GetProperty("sequence").GetInt64() > referrals[1].GetProperty("sequence").GetInt64()); // newest first

        var one = await finance.GetAsync($"/api/rewards?kind=ReferralReward&memberId={merchant.Id}&sort=amount&pageSize=1");
        Assert.Equal(2, one.GetProperty("total").GetInt32());
        Assert.Equal(Assert.Single(one.GetProperty("items").EnumerateArray()).Text("amount"),
            referrals.Select(r => r.Text("amount")).MinBy(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, (await finance.GetAsync("/api/rewards?q=nobody-at-all")).GetProperty("total").GetInt32());
        await (await finance.Http.GetAsync("/api/rewards?kind=Bonus")).AssertFieldError("kind");
        await (await finance.Http.GetAsync("/api/rewards?kind=4")).AssertFieldError("kind");
        await (await buyers[0].Http.GetAsync("/api/rewards")).AssertProblem(HttpStatusCode.Forbidden);

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var rows = await ExportTests.Download(finance, $"/api/rewards/export?format={format}&kind=ReferralReward", format);
            Assert.Equal(2, rows.Count);
            Assert.All(rows, row => Assert.Equal("推荐奖励", row["类型"]));
            Assert.Equal(["时间", "会员", "类型", "金额（元）", "来源", "流水号"], rows[0].Keys);
        }
    }

    [Fact]
    public async Task WalletHistoryPayoutsAndCheckouts_ArePaged_NewestFirst()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await platform.TopUpDepositAsync(storeId, 500m);
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00"); // the store's balance the payouts come from
        foreach (var amount in new[] { "100.00", "300.00", "200.00" })
        {
            await merchant.PostKeyedAsync($"/api/stores/{storeId}/checkout", new { memberId = buyer.Id, amount }, "till-" + amount);
            await merchant.PostKeyedAsync($"/api/stores/{storeId}/payouts", new { amount = amount[..2] + ".00" }, "payout-" + amount);
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var history = await buyer.GetAsync("/api/wallet/history?pageSize=2");
        Assert.Equal(4, history.GetProperty("total").GetInt32()); // the purchase and three till sales
        var sequences = history.GetProperty("items").EnumerateArray().Select(row => row.GetProperty("sequence").GetInt64()).ToArray();
        Assert.True(sequences[0] > sequences[1]); // newest first
        var oldest = (await buyer.GetAsync("/api/wallet/history?sort=sequence&pageSize=1")).GetProperty("items")[0].GetProperty("sequence").GetInt64();
        Assert.True(oldest < sequences[1]);
        await (await buyer.Http.GetAsync("/api/wallet/history?pageSize=201")).AssertFieldError("pageSize");

        var payouts = await merchant.GetAsync($"/api/stores/{storeId}/payouts?pageSize=2");
        Assert.Equal(3, payouts.GetProperty("total").GetInt32());
        Assert.Equal(["20.00", "30.00"], Amounts(payouts)); // newest first
        Assert.Equal(["10.00", "20.00", "30.00"], Amounts(await merchant.GetAsync($"/api/stores/{storeId}/payouts?sort=amount")));

        var checkouts = await buyer.GetAsync("/api/checkouts?pageSize=2");
        Assert.Equal(3, checkouts.GetProperty("total").GetInt32());
        Assert.Equal(["200.00", "300.00"], Amounts(checkouts));
        Assert.Equal(["300.00", "200.00", "100.00"], Amounts(await buyer.GetAsync("/api/checkouts?sort=-amount")));
        await (await buyer.Http.GetAsync("/api/checkouts?sort=memberId")).AssertFieldError("sort");
    }

    [Fact]
    public async Task ProductsAndCards_ArePagedSearchedAndSorted()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        foreach (var (name, price) in new[] { ("Tea", "10.00"), ("Cake", "30.00"), ("Bun", "20.00") })
        {
            await merchant.PostAsync($"/api/stores/{storeId}/products", new { name, price, shipped = false });
            await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = name + " card", price });
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var products = await merchant.GetAsync($"/api/stores/{storeId}/products?pageSize=2");
        Assert.Equal(3, products.GetProperty("total").GetInt32());
        Assert.Equal(["Tea", "Cake"], Names(products)); // oldest first
        Assert.Equal(["Cake", "Bun", "Tea"], Names(await merchant.GetAsync($"/api/stores/{storeId}/products?sort=-price")));
        Assert.Equal(["Bun"], Names(await merchant.GetAsync($"/api/stores/{storeId}/products?q=bu")));
        await (await merchant.Http.GetAsync($"/api/stores/{storeId}/products?sort=shipped")).AssertFieldError("sort");

        var cards = await merchant.GetAsync($"/api/stores/{storeId}/cards?sort=name&pageSize=2&page=2");
        Assert.Equal(3, cards.GetProperty("total").GetInt32());
        Assert.Equal(["Tea card"], Names(cards));
        Assert.Equal(["Cake card"], Names(await merchant.GetAsync($"/api/stores/{storeId}/cards?q=CAKE")));

        var admin = await platform.AdminAsync();
        await admin.PostAsync("/api/products", new { name = "Rice cooker", price = "500.00", shipped = true });
        Assert.Equal(["Rice cooker"], Names(await admin.GetAsync("/api/products")));
    }

    private static string[] Amounts(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(o => o.Text("amount")).ToArray();
    private static string[] Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(o => o.Text("name")).ToArray();
}

/// <summary>The same lists' SQL on PostgreSQL (LIKE, LIMIT/OFFSET, the role filter).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPagingTests(PostgresServer server)
{
    [Fact]
    public Task Orders_OnPostgres() => PagingTests.OrdersScenario(new Platform(new() { ["ValuePool:Db"] = server.NewSchemaUri() }));

    [Fact]
    public Task StoresAndUsers_OnPostgres() => PagingTests.StoresAndUsersScenario(new Platform(new() { ["ValuePool:Db"] = server.NewSchemaUri() }));
}
