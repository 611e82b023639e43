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
