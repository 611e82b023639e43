using System.Collections.Concurrent;
using ValuePool.Core.Engine;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Checkout;

/// <summary>
/// Learns from the engine what each store checkout charged: the card's discount and benefits are the
/// engine's to apply, so the server never re-computes them. Watches only commands under
/// <see cref="KeyPrefix"/>, so orders on the hot path cost one string comparison.
/// </summary>
public sealed class CheckoutCharges : ISequencerObserver
{
    public const string KeyPrefix = "checkout:";

    private readonly ConcurrentDictionary<string, long> _chargedFenByKey = new(StringComparer.Ordinal);

    public void Applied(long sequence, string idempotencyKey, Command command, CommandResult result, ValuePoolEngine engine)
    {
        if (engine.LastBooking is not { } booking || !idempotencyKey.StartsWith(KeyPrefix, StringComparison.Ordinal)) return;
        _chargedFenByKey[idempotencyKey] = booking.Charged.Fen;
    }

    public void Committed() { }

    /// <summary>The charge of the checkout applied under <paramref name="idempotencyKey"/>, handed over once to the request that submitted it.</summary>
    public long? Take(string idempotencyKey) => _chargedFenByKey.TryRemove(idempotencyKey, out var fen) ? fen : null;
}
