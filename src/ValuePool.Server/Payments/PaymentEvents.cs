using System.Data.Common;
using Dapper;

namespace ValuePool.Server.Payments;

/// <summary>
/// The provider events applied so far (<c>payment_event</c>), shared by orders and platform payments. Only an applied event is
/// remembered: a real provider's event id is its transaction's, so a refused delivery of it (another amount) must not make the
/// genuine one a duplicate. Read and written inside the single writer's or the journal's transaction, so no delivery races the check.
/// </summary>
public static class PaymentEvents
{
    public static bool Seen(DbConnection c, DbTransaction t, string eventId) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM payment_event WHERE event_id = @eventId", new { eventId }, t) > 0;

    public static void Remember(DbConnection c, DbTransaction t, string eventId, string paidForId, long nowMs) =>
        c.Execute("INSERT INTO payment_event (event_id, order_id, received_ms) VALUES (@eventId, @paidForId, @nowMs) ON CONFLICT DO NOTHING",
            new { eventId, paidForId, nowMs }, t);
}
