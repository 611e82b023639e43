using Microsoft.Extensions.Options;
using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Server.Health;
using ValuePool.Server.Hosting;
using ValuePool.Server.Ledger;
using ValuePool.Server.Products;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Orders;

/// <summary>
/// The one place an order moves money: the engine's Consume under the key <c>order:{id}:complete</c>,
/// so a completion tried twice (a crash, two sweeps) is applied once. Then the order is marked completed.
/// </summary>
public sealed class OrderCompletion(LedgerGateway ledger, OrderStore orders, ProductCatalog catalog, ProductRateBook productRates, TimeProvider time,
    ServerMetrics metrics, ILogger<OrderCompletion> log, IOptions<ServerOptions> options)
{
    public async Task<bool> CompleteAsync(OrderRecord order)
    {
        var now = time.GetUtcNow();
        var rates = order.ProductId is null ? null : await productRates.FindAsync(order.ProductId);
        var consume = new Consume(order.MemberId, order.StoreId, new Money(order.KeptFen), now) { Rates = rates };
        var receipt = await ledger.SubmitAsync(LedgerKeys.OrderCompletion(order.Id), consume);
        if (receipt.Status == SubmitStatus.KeyConflict || !receipt.Result.IsAccepted())
        {
            // Left completing for an operator: the ledger refused what the order table had accepted.
            log.LogError("Order {Order} could not complete: {Status} {Result}", order.Id, receipt.Status, receipt.Result);
            return false;
        }
        // Before the row is marked completed: a stop in between leaves it completing, and the retry adds the partner.
        if (order is { ProductId: { } productId, StoreId: { } storeId } && await catalog.FindAsync(productId) is { IsPartnerProduct: true })
            await ledger.SubmitAsync(LedgerKeys.Partner(storeId, order.MemberId), new AddPartner(storeId, order.MemberId, now));
        var completed = await orders.MarkCompletedAsync(order, UnixTime.Ms(now));
        if (completed) metrics.OrderCompleted();
        return completed;
    }

    /// <summary>Completes shipped orders past their after-sales window and any left completing; returns how many completed.</summary>
    public async Task<int> CompleteDueAsync()
    {
        var due = await orders.ClaimDueAsync(UnixTime.Ms(time.GetUtcNow()));
        var completed = 0;
        foreach (var order in due)
            if (await CompleteAsync(order)) completed++;
        return completed;
    }

    public long AfterSalesMs => (long)TimeSpan.FromDays(options.Value.AfterSalesDays).TotalMilliseconds;
}
