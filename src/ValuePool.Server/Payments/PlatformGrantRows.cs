using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Orders;
using ValuePool.Storage.Journal;

namespace ValuePool.Server.Payments;

/// <summary>
/// The server's rows that go with a granted platform payment, written in its command's journal transaction. They follow from
/// the payment and its command alone (stamped with the grant's time), so a grant submitted while the payer waits and one
/// submitted on the provider's later notification write the same.
/// </summary>
public sealed class PlatformGrantRows(OrderStore orders)
{
    /// <summary>
    /// A bought region is the agent's row (its level and region are the primary key, so a region has one agent). A card's price
    /// and a shopping purchase's cash are a completed order of the store or the product, as when paid in one step
    /// (<see cref="ImmediatePayment"/>), paid and completed at the grant. A paid line of a cap table makes its holder a
    /// shareholder (the role), whether granted while the payer waited or on the provider's later word. Others have none.
    /// </summary>
    public AlongsideRows? Of(PlatformPayment payment, Command command) => command switch
    {
        AppointAgent appoint => (c, t) => c.Execute("INSERT INTO agent_region (member_id, level, region, bought_ms) VALUES (@member, @level, @region, @boughtMs) " +
            "ON CONFLICT (level, region) DO NOTHING",
            new { member = appoint.Member, level = appoint.Level.ToString(), region = appoint.Region.ToString(), boughtMs = UnixTime.Ms(appoint.At) }, t),
        BuyCard => orders.InsertCompletedIndexed(OrderOf(payment, storeId: payment.Subject, productId: null, command.At)),
        BuyWithShoppingPoints => orders.InsertCompletedIndexed(OrderOf(payment, storeId: null, productId: payment.Subject, command.At)),
        AddShareholder line => UserStore.AddRoleRows(line.Member, Roles.Shareholder),
        _ => null,
    };

    /// <summary>The order's id follows from the payment's, and its payment id is the payment's merchant order number.</summary>
    private static OrderRecord OrderOf(PlatformPayment payment, string? storeId, string? productId, DateTimeOffset grantedAt)
    {
        var grantedMs = UnixTime.Ms(grantedAt);
        return new OrderRecord
        {
            Id = Ids.FromKey("o", payment.Id), MemberId = payment.PayerId, StoreId = storeId, ProductId = productId, AmountFen = payment.AmountFen,
            Status = OrderStatus.Completed, PaymentId = payment.PaymentId, CreatedMs = payment.CreatedMs, PaidMs = grantedMs, CompletedMs = grantedMs,
        };
    }
}
