using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ValuePool.Testing;

namespace ValuePool.Server.Tests;

/// <summary>The operator log: admin, finance and merchant actions that changed something, with who, when, what, before and after.</summary>
public sealed class OperatorLogTests
{
    [Fact]
    public async Task AdminFinanceAndMerchantActions_AreLogged_WithBeforeAndAfter() => await Scenario(new Platform());

    [Fact]
    public async Task EveryLoggedAction_IsNamed_InChineseByDefault_AndInEnglishOnRequest()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        var mapped = platform.Service<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<Audit.OperatorAction>()?.Name).OfType<string>().ToHashSet();
        var listed = (await admin.GetAsync("/api/admin/operator-log/actions")).EnumerateArray().ToDictionary(a => a.Text("name"), a => a.Text("title"));
        // The catalog names exactly the actions some endpoint logs: none missing, none left over.
        Assert.Equal(mapped.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("记录线下打款", listed["withdrawal.markPaid"]);

        await admin.PostAsync("/api/admin/subsidies", new { amount = "10.00", source = "A round" });
        var entry = (await admin.GetAsync("/api/admin/operator-log?action=pool.subsidy")).GetProperty("items")[0];
        Assert.Equal("补贴注资", entry.Text("actionTitle"));
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/admin/operator-log?action=pool.subsidy");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var answered = await (await admin.Http.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pool subsidized", answered.GetProperty("items")[0].Text("actionTitle"));
    }

    internal static async Task Scenario(Platform platform)
    {
        await using var _ = platform;
        var admin = await platform.AdminAsync();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        var pendingStore = (await merchant.PostAsync("/api/stores", new { name = "Second", region = new { province = "Guangdong", city = "Shenzhen", district = "Luohu" } })).Text("id");
        await admin.PostAsync($"/api/stores/{pendingStore}/reject", new { reason = "重复申请" });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await (await admin.SendAsync($"/api/stores/{pendingStore}/approve", new { })).AssertProblem(HttpStatusCode.Conflict); // refused: logged with its status
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/config", new { payout = "0.75" })).StatusCode);
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await admin.PostAsync("/api/admin/subsidies", new { amount = "112.00", source = "A round" });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await admin.PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        var buyer = await platform.RegisterAsync();
        await buyer.BuyAsync(storeId, "1000.00");
        await merchant.PostAsync($"/api/stores/{storeId}/cards", new { name = "Gold", price = "1000.00", discount = "0.1" });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await WalletAndWithdrawalTests.Sell(buyer, "112.0000", null);
        var withdrawal = await buyer.PostAsync("/api/withdrawals", new { amount = "50.00" });
        var finance = await platform.UserWithRoleAsync("finance"); // granted by an admin: role.grant
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await finance.PostAsync($"/api/withdrawals/{withdrawal.Text("id")}/approve", new { });
        platform.Clock.Advance(TimeSpan.FromMilliseconds(5)); // the log is ordered by time
        await (await finance.SendAsync($"/api/withdrawals/{withdrawal.Text("id")}/reject", new { })).AssertProblem(HttpStatusCode.Conflict); // the engine refuses

        var log = await admin.GetAsync("/api/admin/operator-log?pageSize=200");
        var actions = log.GetProperty("items").EnumerateArray().Select(e => e.Text("action")).ToList();
        Assert.Equal(["withdrawal.reject", "withdrawal.approve", "role.grant", "card.define", "webhook.subscribe", "pool.subsidy", "config.change", "store.approve",
            "store.reject", "store.approve"], actions);
        Assert.Equal(actions.Count, log.GetProperty("total").GetInt32());
        Assert.Equal([409, 200, 204, 201, 201, 200, 200, 409, 200, 200], log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("status").GetInt32()));

        var refusedReview = Entry(log, "withdrawal.reject");
        Assert.Equal("paid", refusedReview.GetProperty("before").Text("status"));
        Assert.Equal(409, refusedReview.GetProperty("after").GetProperty("status").GetInt32()); // the problem answered
        var refusedApproval = log.GetProperty("items").EnumerateArray().First(e => e.Text("action") == "store.approve");
        Assert.Equal($"id={pendingStore}", refusedApproval.Text("target"));
        Assert.Equal("rejected", refusedApproval.GetProperty("before").Text("status"));

        var approve = log.GetProperty("items").EnumerateArray().Last(e => e.Text("action") == "store.approve");
        Assert.Equal(admin.Id, approve.Text("actorId"));
        Assert.Contains("admin", approve.GetProperty("actorRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal($"id={storeId}", approve.Text("target"));
        Assert.Equal("pending", approve.GetProperty("before").Text("status"));
        Assert.Equal("approved", approve.GetProperty("after").Text("status"));
        Assert.True(approve.GetProperty("at").GetDateTimeOffset() <= platform.Clock.GetUtcNow());

        var reject = Entry(log, "store.reject");
        Assert.Equal("重复申请", reject.GetProperty("request").Text("reason"));
        Assert.Equal("rejected", reject.GetProperty("after").Text("status"));

        var config = Entry(log, "config.change");
        Assert.Equal("0.75", config.GetProperty("request").Text("payout"));
        Assert.NotEqual("0.75", config.GetProperty("before").GetProperty("config").Text("payout"));
        Assert.Equal("0.75", config.GetProperty("after").GetProperty("config").Text("payout"));

        var grant = Entry(log, "role.grant");
        Assert.Equal($"id={finance.Id}", grant.Text("target"));
        Assert.Equal("finance", grant.GetProperty("request").Text("role"));
        Assert.DoesNotContain("finance", grant.GetProperty("before").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var review = Entry(log, "withdrawal.approve");
        Assert.Equal(finance.Id, review.Text("actorId"));
        Assert.Equal("pending", review.GetProperty("before").Text("status"));
        Assert.Equal("paid", review.GetProperty("after").Text("status"));

        Assert.Equal(merchant.Id, Entry(log, "card.define").Text("actorId"));
        Assert.DoesNotContain("0123456789abcdef", Entry(log, "webhook.subscribe").GetRawText()); // secrets stay out

        Assert.Equal(["store.reject"], Actions(await admin.GetAsync("/api/admin/operator-log?action=store.reject")));
        Assert.Equal(["withdrawal.reject", "withdrawal.approve"], Actions(await admin.GetAsync($"/api/admin/operator-log?actorId={finance.Id}")));
        Assert.Equal(["store.approve", "store.reject", "store.approve"], Actions(await admin.GetAsync("/api/admin/operator-log?q=STORE.")));
        Assert.Equal(["store.approve"], Actions(await admin.GetAsync("/api/admin/operator-log?sort=at&pageSize=1")));
        await (await admin.Http.GetAsync("/api/admin/operator-log?pageSize=500")).AssertFieldError("pageSize");
        await (await finance.Http.GetAsync("/api/admin/operator-log")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATillCheckout_IsLoggedOnce_ItsRetryChangesNothing()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await platform.TopUpDepositAsync(storeId, 1000m);
        var member = await platform.RegisterAsync();
        var sale = new { memberId = member.Id, amount = "100.00" };
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/checkout", sale, "till-1");
        Assert.True((await merchant.PostKeyedAsync($"/api/stores/{storeId}/checkout", sale, "till-1")).GetProperty("replayed").GetBoolean());
        var admin = await platform.AdminAsync();
        var checkout = Assert.Single((await admin.GetAsync("/api/admin/operator-log?action=checkout")).GetProperty("items").EnumerateArray());
        Assert.Equal(merchant.Id, checkout.Text("actorId"));
        Assert.Equal(200, checkout.GetProperty("status").GetInt32());
        Assert.Equal($"storeId={storeId}", checkout.Text("target"));
        Assert.Equal(member.Id, checkout.GetProperty("request").Text("memberId"));
        Assert.Equal("100.00", checkout.GetProperty("after").Text("amount"));
    }

    [Fact]
    public async Task PartnerShareholderPayoutDepositRefundAndRegionActions_AreLogged()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        await merchant.PostAsync($"/api/stores/{storeId}/partners", new { memberId = member.Id });
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/shareholders", new { memberId = member.Id, share = "0.40", invested = "100.00" }, "holder");
        await merchant.PostKeyedAsync($"/api/stores/{storeId}/payouts", new { amount = "10.00" }, "payout-1");
        await platform.TopUpDepositAsync(storeId, 50m);
        var product = await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea", price = "10.00", shipped = true });
        var order = await member.PostAsync("/api/orders", new { productId = product.Text("id") });
        await member.PostAsync($"/api/orders/{order.Text("id")}/pay", new { });
        await member.PostAsync($"/api/orders/{order.Text("id")}/refund", new { });
        var agent = await platform.UserWithRoleAsync("agent");
        await agent.PostAsync("/api/agents/regions", new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Futian" } });

        var admin = await platform.AdminAsync();
        var log = await admin.GetAsync("/api/admin/operator-log?pageSize=200");
        foreach (var (action, actor) in new[] { ("partner.add", merchant.Id), ("shareholder.add", merchant.Id), ("payout.request", merchant.Id),
                     ("deposit.topUp", admin.Id), ("order.refund", member.Id), ("region.buy", agent.Id) })
            Assert.Equal(actor, Entry(log, action).Text("actorId"));
        Assert.Equal($"storeId={storeId}", Entry(log, "payout.request").Text("target"));
        Assert.Equal("10.00", Entry(log, "payout.request").GetProperty("after").Text("amount"));
        Assert.Equal("refunded", Entry(log, "order.refund").GetProperty("after").GetProperty("order").Text("status"));
        Assert.Equal("Futian", Entry(log, "region.buy").GetProperty("request").GetProperty("region").Text("district"));
    }

    [Fact]
    public async Task AFaultAfterTheActionCommitted_LeavesItsEntry_Unanswered()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        await platform.TopUpDepositAsync(storeId, 1000m);
        var member = await platform.RegisterAsync();
        // The sale commits in the journal's transaction; the till's record of it, a later write, fails: the server answers no success.
        Inject(platform, "BEFORE INSERT ON store_checkout");
        var sale = new { memberId = member.Id, amount = "100.00" };
        var failed = await Keyed(merchant, $"/api/stores/{storeId}/checkout", sale, "till-1");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var admin = await platform.AdminAsync();
        var entry = Assert.Single((await admin.GetAsync("/api/admin/operator-log?action=checkout")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("status").ValueKind); // the change committed, its answer was never given
        Assert.Equal(member.Id, entry.GetProperty("request").Text("memberId"));
        // The sale is in the journal: its retry is the same sale, refused as unrecorded rather than charged again.
        await (await Keyed(merchant, $"/api/stores/{storeId}/checkout", sale, "till-1")).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AFaultThatAbortsTheActionsTransaction_LeavesNeitherTheChangeNorItsEntry()
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        Inject(platform, "BEFORE INSERT ON webhook_subscription");
        var failed = await admin.SendAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        Assert.Empty((await admin.GetAsync("/api/admin/operator-log?action=webhook.subscribe")).GetProperty("items").EnumerateArray());
        using var connection = platform.Service<ValuePool.Server.Data.ServerDatabase>().Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM webhook_subscription";
        Assert.Equal(0L, Convert.ToInt64(count.ExecuteScalar()));
    }

    /// <summary>A database fault: every insert matching <paramref name="when"/> aborts its statement, and so its transaction's savepoint.</summary>
    private static void Inject(Platform platform, string when)
    {
        using var connection = platform.Service<ValuePool.Server.Data.ServerDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TRIGGER injected_fault {when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END";
        command.ExecuteNonQuery();
    }

    private static Task<HttpResponseMessage> Keyed(User user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Http.SendAsync(request);
    }

    private static JsonElement Entry(JsonElement log, string action) => log.GetProperty("items").EnumerateArray().Single(e => e.Text("action") == action);
    private static string[] Actions(JsonElement log) => log.GetProperty("items").EnumerateArray().Select(e => e.Text("action")).ToArray();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOperatorLogTests(PostgresServer server)
{
    [Fact]
    public Task TheOperatorLog_OnPostgres() => OperatorLogTests.Scenario(new Platform(new() { ["ValuePool:Db"] = server.NewSchemaUri() }));
}
