using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Server.Ledger;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Tests;

/// <summary>Issue 10, finding 5: a region is granted only for a fee the provider collected, and its level is a name, never a number.</summary>
public sealed class AgentRegionPaymentTests
{
    private static readonly object Nanshan = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" };

    [Fact]
    public async Task ARegionsFee_IsCollectedThroughTheProvider_AndATakenRegionChargesNothing()
    {
        await using var platform = new Platform();
        var provider = platform.Service<SimulatedPaymentProvider>();
        var agent = await platform.UserWithRoleAsync("agent");
        await agent.PostAsync("/api/agents/regions", new { level = "district", region = Nanshan });
        Assert.Equal(1, provider.Requests);
        var payment = Assert.Single((await agent.GetAsync("/api/payments")).EnumerateArray());
        Assert.Equal(("agentRegion", "district:Guangdong/Shenzhen/Nanshan", "50000.00", "applied"),
            (payment.Text("purpose"), payment.Text("subject"), payment.Text("amount"), payment.Text("status")));
        Assert.Equal("50000.00", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).Text("platformRevenue"));

        // The same purchase again is the same payment; a rival is refused before anything is charged.
        await agent.PostAsync("/api/agents/regions", new { level = "district", region = Nanshan });
        var rival = await platform.UserWithRoleAsync("agent");
        await (await rival.SendAsync("/api/agents/regions", new { level = "district", region = Nanshan })).AssertProblem(HttpStatusCode.Conflict, "RegionTaken");
        Assert.Equal(2, provider.Requests);
        Assert.Single((await agent.GetAsync("/api/payments")).EnumerateArray());
        Assert.Equal(0, (await rival.GetAsync("/api/payments")).GetArrayLength());
    }

    [Fact]
    public async Task AnAgent_SeesEachLevelsFeeAndRate_BeforeBuying()
    {
        await using var platform = new Platform();
        var agent = await platform.UserWithRoleAsync("agent");
        var offers = (await agent.GetAsync("/api/agents/offers")).EnumerateArray().ToDictionary(o => o.Text("level"));
        Assert.Equal(("50000.00", "0.001"), (offers["district"].Text("fee"), offers["district"].Text("rate")));
        Assert.Equal(("100000.00", "300000.00"), (offers["city"].Text("fee"), offers["province"].Text("fee")));
        Assert.Equal(3, offers.Count);
        await (await (await platform.RegisterAsync()).Http.GetAsync("/api/agents/offers")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("Province")]
    [InlineData("city ")]
    [InlineData("mayor")]
    [InlineData(null)]
    public async Task ALevelThatIsNotExactlyANameIsRefused_NamingTheField(string? level)
    {
        await using var platform = new Platform();
        var agent = await platform.UserWithRoleAsync("agent");
        await (await agent.SendAsync("/api/agents/regions", new { level, region = new { province = "Guangdong" } })).AssertFieldError("level");
        Assert.Equal(0, platform.Service<SimulatedPaymentProvider>().Requests);
    }

    [Fact]
    public async Task ARegionTakenWhileItsFeeIsPaid_IsNotGranted_AndThePaymentIsRecordedAsDueBack()
    {
        await using var platform = new Platform(services: services => services.AddSingleton<IPaymentProvider>(sp =>
            new RivalTakesTheRegionWhilePaying(sp.GetRequiredService<SimulatedPaymentProvider>(), sp.GetRequiredService<LedgerGateway>())));
        var agent = await platform.UserWithRoleAsync("agent");
        var refused = await (await agent.SendAsync("/api/agents/regions", new { level = "district", region = Nanshan }))
            .AssertProblem(HttpStatusCode.Conflict, "RegionTaken");
        var payment = refused.GetProperty("payment");
        Assert.Equal(("refundDue", "RegionTaken", "50000.00"), (payment.Text("status"), payment.Text("refusal"), payment.Text("amount")));
        Assert.Equal(payment.Text("id"), Assert.Single((await agent.GetAsync("/api/payments")).EnumerateArray()).Text("id"));
        Assert.Equal(0, (await agent.GetAsync("/api/agents/regions")).GetArrayLength());

        var finance = await platform.UserWithRoleAsync("finance");
        Assert.Equal(payment.Text("id"), Assert.Single((await finance.GetAsync("/api/payments/refunds-due")).EnumerateArray()).Text("id"));
        await (await agent.Http.GetAsync("/api/payments/refunds-due")).AssertProblem(HttpStatusCode.Forbidden);
        // Only the rival's fee is revenue: the refused payment was never booked.
        Assert.Equal("50000.00", (await (await platform.AdminAsync()).GetAsync("/api/admin/pool")).Text("platformRevenue"));
    }

    /// <summary>A provider that takes a while to confirm: meanwhile a rival is appointed to the region being paid for.</summary>
    private sealed class RivalTakesTheRegionWhilePaying(SimulatedPaymentProvider inner, LedgerGateway ledger) : IPaymentProvider
    {
        public string Name => inner.Name;

        public bool ConfirmsWhilePayerWaits => true;

        public Task<ChargeStart> StartAsync(ChargeRequest request, CancellationToken cancel = default) => inner.StartAsync(request, cancel);

        public SignedCallback Confirm(string paymentId, string orderId, Money amount)
        {
            var rival = new AppointAgent("u_rival", AgentLevel.District, new Region(["Guangdong", "Shenzhen", "Nanshan"]), DateTimeOffset.UtcNow);
            Assert.True(ledger.SubmitAsync("test:rival", rival).GetAwaiter().GetResult().Result.IsAccepted());
            return inner.Confirm(paymentId, orderId, amount);
        }

        public ProviderNotice? Verify(ProviderCallback callback, out CallbackOutcome failure) => inner.Verify(callback, out failure);

        public Task<PaymentQuery> QueryAsync(string paymentId, string orderId, CancellationToken cancel = default) => inner.QueryAsync(paymentId, orderId, cancel);

        public Task<bool> CloseAsync(string paymentId, CancellationToken cancel = default) => inner.CloseAsync(paymentId, cancel);

        public Task<RefundStart> RefundAsync(RefundRequest request, CancellationToken cancel = default) => inner.RefundAsync(request, cancel);

        public Task<TransferState> TransferAsync(TransferRequest request, CancellationToken cancel = default) => inner.TransferAsync(request, cancel);

        public Task<TransferState> QueryTransferAsync(string transferId, CancellationToken cancel = default) => inner.QueryTransferAsync(transferId, cancel);

        public Task<ValuePool.Server.Payments.Reconciliation.ProviderBill> DownloadBillAsync(DateOnly day, CancellationToken cancel = default) =>
            inner.DownloadBillAsync(day, cancel);
    }
}
