using ValuePool.Core.Amounts;

namespace ValuePool.Core.Engine;

/// <summary>
/// What an accepted <see cref="Consume"/> booked, so that readers need not decode its transfers: the store
/// (<see cref="NoStore"/> for a platform product), what the buyer was charged after any card benefit (zero for a
/// free item), what the store keeps of it, and who holds the payment.
/// </summary>
public readonly record struct OrderBooking(int StoreIndex, Money Charged, Money Net, OrderPayment Payment)
{
    public const int NoStore = -1;
}
