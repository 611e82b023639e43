using System.Net;
using ValuePool.Server.Orders;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// Deposit top-ups and agent fees under a real provider (each fake on loopback): the request starts the provider's transaction and
/// answers 202; only a verified notification for exactly the payment's amount grants it, once; a grant the engine refuses after
/// the money arrived is recorded as due back.
/// </summary>
public sealed class PlatformPaymentTests
{
    private static readonly object Nanshan = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" };

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task ADepositTopUp_Answers202_AndOnlyAVerifiedNotificationForItsAmountTopsTheDepositUp_Once(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var admin = await platform.AdminAsync();

        var payment = await StartAsync(admin, $"/api/stores/{storeId}/deposit/top-ups", new { amount = "10.00" }, fake, 1000);
        var deposit = $"/api/stores/{storeId}/deposit";
        Assert.Equal("0.00", (await admin.GetAsync(deposit)).Text("balance"));

        await DeliverAllButTheGenuineAsync(platform, fake, payment);
        Assert.Equal("0.00", (await admin.GetAsync(deposit)).Text("balance"));
        Assert.Equal("awaitingPayment", (await platform.Service<Payments.PlatformPayments>().FindAsync(payment.Id))!.Status);

        var paid = fake.Paid(payment.PaymentId);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.Equal("10.00", (await admin.GetAsync(deposit)).Text("balance"));
        Assert.Single((await admin.GetAsync(deposit)).GetProperty("movements").EnumerateArray());
        Assert.Equal("applied", (await admin.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment").Text("status"));
        Assert.Equal([("AmountMismatch", 1L), ("Applied", 1L), ("Duplicate", 1L)], await platform.Service<OrderStore>().CallbackOutcomesAsync(payment.Id));

        // The same top-up again (same key) is the same payment, granted once: no second trade, no second movement.
        var again = await admin.Http.SendAsync(Keyed($"/api/stores/{storeId}/deposit/top-ups", new { amount = "10.00" }, payment.Key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("replayed").GetBoolean());
        Assert.Equal("10.00", (await admin.GetAsync(deposit)).Text("balance"));
        Assert.Equal(0, fake.Unsigned);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task AnAgentsRegionFee_Answers202_AndOnlyAVerifiedNotificationForItsAmountAppointsTheAgent_Once(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var agent = await platform.UserWithRoleAsync("agent");
        var admin = await platform.AdminAsync();

        var payment = await StartAsync(agent, "/api/agents/regions", new { level = "district", region = Nanshan }, fake, 5_000_000);
        Assert.Equal(0, (await agent.GetAsync("/api/agents/regions")).GetArrayLength());

        await DeliverAllButTheGenuineAsync(platform, fake, payment);
        Assert.Equal(0, (await agent.GetAsync("/api/agents/regions")).GetArrayLength());
        Assert.Equal("0.00", (await admin.GetAsync("/api/admin/pool")).Text("platformRevenue"));

        var paid = fake.Paid(payment.PaymentId);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.True((await paid(platform)).IsSuccessStatusCode);
        Assert.Equal("Guangdong/Shenzhen/Nanshan", Assert.Single((await agent.GetAsync("/api/agents/regions")).EnumerateArray()).Text("region"));
        Assert.Equal("50000.00", (await admin.GetAsync("/api/admin/pool")).Text("platformRevenue"));
        Assert.Equal([("AmountMismatch", 1L), ("Applied", 1L), ("Duplicate", 1L)], await platform.Service<OrderStore>().CallbackOutcomesAsync(payment.Id));
        Assert.Equal(0, fake.Unsigned);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task ARegionTakenWhileItsFeeAwaitsTheNotification_IsNotGranted_AndThePaymentIsDueBack(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (first, rival) = (await platform.UserWithRoleAsync("agent"), await platform.UserWithRoleAsync("agent"));
        var region = new { level = "district", region = Nanshan };
        var late = await StartAsync(first, "/api/agents/regions", region, fake, 5_000_000);
        var early = await StartAsync(rival, "/api/agents/regions", region, fake, 5_000_000);

        Assert.True((await fake.Paid(early.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.True((await fake.Paid(late.PaymentId)(platform)).IsSuccessStatusCode);

        var state = (await first.GetAsync($"/api/payments/{late.Id}")).GetProperty("payment");
        Assert.Equal(("refundDue", "RegionTaken", "50000.00"), (state.Text("status"), state.Text("refusal"), state.Text("amount")));
        Assert.Equal(0, (await first.GetAsync("/api/agents/regions")).GetArrayLength());
        var finance = await platform.UserWithRoleAsync("finance");
        Assert.Equal(late.Id, Assert.Single((await finance.GetAsync("/api/payments/refunds-due")).EnumerateArray()).Text("id"));
        Assert.Equal("50000.00", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).Text("platformRevenue"));
        // Someone else's payment is no one's to read.
        await (await rival.Http.GetAsync($"/api/payments/{late.Id}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task PollingAPaymentTheProviderNeverNotified_AsksIt_AndItsSignedAnswerGrants(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var admin = await platform.AdminAsync();
        var payment = await StartAsync(admin, $"/api/stores/{storeId}/deposit/top-ups", new { amount = "25.50" }, fake, 2550);

        var waiting = await admin.GetAsync($"/api/payments/{payment.Id}");
        Assert.Equal("awaitingPayment", waiting.GetProperty("payment").Text("status"));
        Assert.False(string.IsNullOrEmpty(waiting.GetProperty("action").Text("qrCode")));

        fake.MarkPaid(payment.PaymentId);
        Assert.Equal("applied", (await admin.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment").Text("status"));
        Assert.Equal("25.50", (await admin.GetAsync($"/api/stores/{storeId}/deposit")).Text("balance"));
        // Its notification, arriving after the query granted it, is a duplicate.
        Assert.True((await fake.Paid(payment.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.Equal("25.50", (await admin.GetAsync($"/api/stores/{storeId}/deposit")).Text("balance"));
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task AShareInvestment_IsFollowedByTheStoresOwnerWhoAskedForIt_AndByNoOtherMember(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var (investor, stranger) = (await platform.RegisterAsync(), await platform.RegisterAsync());
        var payment = await StartAsync(merchant, $"/api/stores/{storeId}/shareholders", new { memberId = investor.Id, share = "0.10", invested = "30.00" }, fake, 3000);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/payments/{payment.Id}")).StatusCode);
        Assert.Equal("awaitingPayment", (await investor.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment").Text("status"));
        fake.MarkPaid(payment.PaymentId);
        // The owner's poll asks the provider too, and grants the line.
        Assert.Equal("applied", (await merchant.GetAsync($"/api/payments/{payment.Id}")).GetProperty("payment").Text("status"));
        Assert.Contains((await merchant.GetAsync($"/api/stores/{storeId}/shareholders")).GetProperty("holdings").EnumerateArray(),
            line => line.Text("memberId") == investor.Id && line.Text("invested") == "30.00");
        // The grant made the investor a shareholder, as a line paid while the payer waits does.
        Assert.Contains("shareholder", (await investor.PostAsync("/api/accounts/token", new { })).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    internal sealed record Started(string Id, string PaymentId, string Key);

    /// <summary>Starts the payment under a fresh idempotency key: 202, awaiting the payer, with the code to scan and the trade at the fake.</summary>
    internal static async Task<Started> StartAsync(User payer, string path, object body, TwoStepFake fake, long amountFen)
    {
        var key = Guid.NewGuid().ToString("N");
        var response = await payer.Http.SendAsync(Keyed(path, body, key));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.JsonAsync();
        var payment = answer.GetProperty("payment");
        Assert.Equal("awaitingPayment", payment.Text("status"));
        Assert.Equal($"/api/payments/{payment.Text("id")}", response.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("action").Text("qrCode")));
        Assert.True(fake.HasTrade(payment.Text("paymentId"), amountFen));
        return new Started(payment.Text("id"), payment.Text("paymentId"), key);
    }

    /// <summary>A forged notification and one for another amount (the callers check that each changed nothing).</summary>
    internal static async Task DeliverAllButTheGenuineAsync(Platform platform, TwoStepFake fake, Started payment)
    {
        await fake.Forged(payment.PaymentId)(platform);
        await fake.PaidOtherAmount(payment.PaymentId)(platform);
    }

    internal static HttpRequestMessage Keyed(string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
