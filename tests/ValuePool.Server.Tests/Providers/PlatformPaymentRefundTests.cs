using System.Net;
using static ValuePool.Server.Tests.Providers.PlatformPaymentTests;
using static ValuePool.Server.Tests.Providers.PurchasePaymentTests;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// A platform payment due back (collected, then refused by the engine) refunded by finance through the provider that collected it
/// (each fake on loopback): asked once however often finance clicks, logged once, and the payment turns <c>refunded</c> only on the
/// provider's word; a refusal leaves it due back, to ask again. The ledger, which never booked the payment, is untouched.
/// </summary>
public sealed class PlatformPaymentRefundTests
{
    private static readonly object Nanshan = new { level = "district", region = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" } };

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task FinanceRefundsAPaymentDueBack_ThroughTheProvider_Once(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (payer, due, granted) = await RegionTakenMeanwhileAsync(platform, fake);
        var (finance, admin) = (await platform.UserWithRoleAsync("finance"), await platform.AdminAsync());

        await (await payer.Http.PostAsync($"/api/payments/{due}/refund", null)).AssertProblem(HttpStatusCode.Forbidden);
        await (await finance.Http.PostAsync($"/api/payments/{granted}/refund", null)).AssertProblem(HttpStatusCode.Conflict, "PaymentNotRefundDue");
        await (await finance.Http.PostAsync("/api/payments/pp_nothing/refund", null)).AssertProblem(HttpStatusCode.NotFound);

        var answer = await finance.Http.PostAsync($"/api/payments/{due}/refund", null);
        var refund = (await answer.JsonAsync()).GetProperty("refund");
        Assert.Equal(("50000.00", fake.RefundsAtOnce ? "succeeded" : "requested"), (refund.Text("amount"), refund.Text("status")));
        if (!fake.RefundsAtOnce)
        {
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            Assert.Equal("refunding", (await payer.GetAsync($"/api/payments/{due}")).GetProperty("payment").Text("status"));
            var ended = fake.RefundEnded(refund.Text("id"), succeeded: true);
            Assert.True((await ended(platform)).IsSuccessStatusCode);
            Assert.True((await ended(platform)).IsSuccessStatusCode);
        }
        else Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("refunded", (await payer.GetAsync($"/api/payments/{due}")).GetProperty("payment").Text("status"));
        Assert.Empty((await finance.GetAsync("/api/payments/refunds-due")).EnumerateArray());

        // Asking again answers the same refund and asks the provider nothing; the operator log has the one that did.
        var again = await finance.Http.PostAsync($"/api/payments/{due}/refund", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replayed = await again.JsonAsync();
        Assert.True(replayed.GetProperty("replayed").GetBoolean());
        Assert.Equal((refund.Text("id"), "succeeded"), (replayed.GetProperty("refund").Text("id"), replayed.GetProperty("refund").Text("status")));
        Assert.Equal(1, fake.RefundCount);
        // Refused attempts are logged with their status (404, 409); the replay adds nothing.
        var entries = (await admin.GetAsync("/api/admin/operator-log?action=payment.refund")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { fake.RefundsAtOnce ? 200 : 202, 404, 409 }.Order(), entries.Select(e => e.GetProperty("status").GetInt32()).Order());
        var logged = Assert.Single(entries, e => e.GetProperty("status").GetInt32() < 300);
        Assert.Equal((finance.Id, $"id={due}"), (logged.Text("actorId"), logged.Text("target")));
        // The ledger never booked the refused payment, so the refund moves nothing in it.
        Assert.Equal("50000.00", (await admin.GetAsync("/api/admin/pool")).Text("platformRevenue"));
        AssertTheJournalIsSound(platform);
        Assert.Equal(0, fake.Unsigned);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task ARefundTheProviderRefuses_LeavesThePaymentDueBack_AndAskingAgainRefundsIt(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (payer, due, _) = await RegionTakenMeanwhileAsync(platform, fake);
        var finance = await platform.UserWithRoleAsync("finance");

        if (fake.RefundsAtOnce)
        {
            fake.RefuseRefunds(true);
            await (await finance.Http.PostAsync($"/api/payments/{due}/refund", null)).AssertProblem(HttpStatusCode.BadGateway, "RefundRefusedByProvider");
            fake.RefuseRefunds(false);
        }
        else
        {
            var accepted = await finance.Http.PostAsync($"/api/payments/{due}/refund", null);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var refundId = (await accepted.JsonAsync()).GetProperty("refund").Text("id");
            Assert.True((await fake.RefundEnded(refundId, succeeded: false)(platform)).IsSuccessStatusCode);
        }
        Assert.Equal("refundDue", (await payer.GetAsync($"/api/payments/{due}")).GetProperty("payment").Text("status"));
        Assert.Equal(due, Assert.Single((await finance.GetAsync("/api/payments/refunds-due")).EnumerateArray()).Text("id"));

        var retried = await finance.Http.PostAsync($"/api/payments/{due}/refund", null);
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
        var second = await retried.JsonAsync();
        Assert.False(second.GetProperty("replayed").GetBoolean());
        if (!fake.RefundsAtOnce) Assert.True((await fake.RefundEnded(second.GetProperty("refund").Text("id"), succeeded: true)(platform)).IsSuccessStatusCode);
        Assert.Equal("refunded", (await payer.GetAsync($"/api/payments/{due}")).GetProperty("payment").Text("status"));
        AssertTheJournalIsSound(platform);
    }

    [Theory]
    [InlineData("wechatpay")]
    [InlineData("alipay")]
    public async Task APurchaseRefundedAfterItsGrantWasRefused_StaysRefused_WhenAskedAgainUnderItsKey(string provider)
    {
        await using var fake = await TwoStepFake.StartAsync(provider);
        await using var platform = new Platform(fake.Settings());
        var (buyer, _, body, late) = await PointsSpentMeanwhileAsync(platform, fake);

        var refunded = await (await platform.UserWithRoleAsync("finance")).Http.PostAsync($"/api/payments/{late.Id}/refund", null);
        if (!fake.RefundsAtOnce)
            Assert.True((await fake.RefundEnded((await refunded.JsonAsync()).GetProperty("refund").Text("id"), succeeded: true)(platform)).IsSuccessStatusCode);

        var again = await (await buyer.Http.SendAsync(Keyed("/api/shopping-points/purchases", body, late.Key)))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientShoppingPoints");
        Assert.Equal(("refunded", "InsufficientShoppingPoints"), (again.GetProperty("payment").Text("status"), again.GetProperty("payment").Text("refusal")));
        Assert.Equal("220.00", (await buyer.GetAsync("/api/shopping-points")).Text("balance"));
        Assert.Equal(1, fake.RefundCount);
    }

    /// <summary>Two agents pay for one region; the later notification's grant is refused: that payment is due back to its payer.</summary>
    internal static async Task<(User Payer, string Due, string Granted)> RegionTakenMeanwhileAsync(Platform platform, TwoStepFake fake)
    {
        var (first, rival) = (await platform.UserWithRoleAsync("agent"), await platform.UserWithRoleAsync("agent"));
        var late = await StartAsync(first, "/api/agents/regions", Nanshan, fake, 5_000_000);
        var early = await StartAsync(rival, "/api/agents/regions", Nanshan, fake, 5_000_000);
        Assert.True((await fake.Paid(early.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.True((await fake.Paid(late.PaymentId)(platform)).IsSuccessStatusCode);
        Assert.Equal("refundDue", (await first.GetAsync($"/api/payments/{late.Id}")).GetProperty("payment").Text("status"));
        return (first, late.Id, early.Id);
    }
}
