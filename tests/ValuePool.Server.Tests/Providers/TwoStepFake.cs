using System.Security.Cryptography;
using static ValuePool.Server.Tests.Providers.ProviderHttp;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// A provider's fake as the two-step platform payment tests drive it, WeChat Pay's or Alipay's: its settings, marking a trade
/// paid in the fake, and the notifications it would send for a trade (the genuine one, one for another amount, one signed by a stranger).
/// </summary>
public abstract class TwoStepFake : IAsyncDisposable
{
    public abstract Dictionary<string, string?> Settings();
    /// <summary>The genuine notification that the payer paid the trade; delivered as often as a test likes.</summary>
    public abstract Func<Platform, Task<HttpResponseMessage>> Paid(string paymentId);
    public abstract Func<Platform, Task<HttpResponseMessage>> PaidOtherAmount(string paymentId);
    public abstract Func<Platform, Task<HttpResponseMessage>> Forged(string paymentId);
    /// <summary>The payer paid, without a notification: only a query will tell the platform.</summary>
    public abstract void MarkPaid(string paymentId);
    public abstract bool HasTrade(string paymentId, long amountFen);
    /// <summary>True when the provider answers a refund with its end (Alipay); false when it accepts it and notifies the end later (WeChat Pay).</summary>
    public abstract bool RefundsAtOnce { get; }
    /// <summary>The notification that an accepted refund ended (only where not <see cref="RefundsAtOnce"/>).</summary>
    public abstract Func<Platform, Task<HttpResponseMessage>> RefundEnded(string refundId, bool succeeded);
    /// <summary>Whether the provider refuses refunds in its answer (only where <see cref="RefundsAtOnce"/>).</summary>
    public abstract void RefuseRefunds(bool refuse);
    public abstract int RefundCount { get; }
    public abstract int Unsigned { get; }
    public abstract ValueTask DisposeAsync();

    public static async Task<TwoStepFake> StartAsync(string provider) =>
        provider == "wechatpay" ? new WeChat(await FakeWeChatPay.StartAsync()) : new Ali(await FakeAlipay.StartAsync());

    private sealed class WeChat(FakeWeChatPay fake) : TwoStepFake
    {
        private const string NotifyPath = "/api/payments/wechatpay/notify";

        public override Dictionary<string, string?> Settings() => fake.Settings();

        public override Func<Platform, Task<HttpResponseMessage>> Paid(string paymentId)
        {
            var (body, headers) = fake.Pay(paymentId);
            return platform => NotifyAsync(platform, NotifyPath, body, headers);
        }

        public override Func<Platform, Task<HttpResponseMessage>> PaidOtherAmount(string paymentId)
        {
            var (body, headers) = fake.Pay(paymentId, totalFen: fake.Trades[paymentId].Total - 1);
            return platform => NotifyAsync(platform, NotifyPath, body, headers);
        }

        public override Func<Platform, Task<HttpResponseMessage>> Forged(string paymentId)
        {
            var (body, _) = fake.Pay(paymentId);
            using var stranger = RSA.Create(2048);
            var headers = fake.SignedHeaders(body, key: stranger);
            return platform => NotifyAsync(platform, NotifyPath, body, headers);
        }

        public override void MarkPaid(string paymentId) => fake.Trades[paymentId].State = "SUCCESS";
        public override bool HasTrade(string paymentId, long amountFen) => fake.Trades.TryGetValue(paymentId, out var trade) && trade.Total == amountFen;
        public override bool RefundsAtOnce => false;

        public override Func<Platform, Task<HttpResponseMessage>> RefundEnded(string refundId, bool succeeded)
        {
            var (body, headers) = fake.RefundNotification(refundId, succeeded ? "SUCCESS" : "CLOSED");
            return platform => NotifyAsync(platform, NotifyPath, body, headers);
        }

        public override void RefuseRefunds(bool refuse) => throw new NotSupportedException("WeChat Pay's fake ends a refund by its notification");
        public override int RefundCount => fake.Refunds.Count;
        public override int Unsigned => fake.Unsigned;
        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    private sealed class Ali(FakeAlipay fake) : TwoStepFake
    {
        private const string NotifyPath = "/api/payments/alipay/notify";

        public override Dictionary<string, string?> Settings() => fake.Settings();

        public override Func<Platform, Task<HttpResponseMessage>> Paid(string paymentId) => Deliver(fake.Pay(paymentId));

        public override Func<Platform, Task<HttpResponseMessage>> PaidOtherAmount(string paymentId) => Deliver(fake.Pay(paymentId, totalAmount: "0.01"));

        /// <summary>The genuine form with its amount changed after signing.</summary>
        public override Func<Platform, Task<HttpResponseMessage>> Forged(string paymentId)
        {
            var trade = fake.Trades[paymentId];
            return Deliver(fake.Pay(paymentId).Replace("total_amount=" + Uri.EscapeDataString(trade.TotalAmount), "total_amount=0.01"));
        }

        private static Func<Platform, Task<HttpResponseMessage>> Deliver(string form) =>
            platform => NotifyAsync(platform, NotifyPath, form, new Dictionary<string, string>(), "application/x-www-form-urlencoded");

        public override void MarkPaid(string paymentId) => fake.Trades[paymentId].Status = "TRADE_SUCCESS";

        public override bool HasTrade(string paymentId, long amountFen) =>
            fake.Trades.TryGetValue(paymentId, out var trade) && trade.TotalAmount == (amountFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        public override bool RefundsAtOnce => true;
        public override Func<Platform, Task<HttpResponseMessage>> RefundEnded(string refundId, bool succeeded) =>
            throw new NotSupportedException("Alipay answers a refund with its end");
        public override void RefuseRefunds(bool refuse) => fake.RefuseRefunds = refuse ? "ACQ.SELLER_BALANCE_NOT_ENOUGH" : null;
        public override int RefundCount => fake.Refunds.Count;
        public override int Unsigned => fake.Unsigned;
        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }
}
