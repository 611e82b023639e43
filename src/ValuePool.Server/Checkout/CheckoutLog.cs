using Dapper;
using ValuePool.Server.Data;

namespace ValuePool.Server.Checkout;

/// <summary>Store checkouts and their charges, so a retried checkout and the member's list show what the engine charged.</summary>
public sealed class CheckoutLog(ServerDatabase database, ServerWriter writer)
{
    private const int ListCountMax = 200;
    private const string Columns = "idempotency_key AS IdempotencyKey, store_id AS StoreId, member_id AS MemberId, amount_fen AS AmountFen, " +
                                   "benefit AS Benefit, charged_fen AS ChargedFen, created_ms AS CreatedMs";

    public Task AddAsync(CheckoutRecord checkout) =>
        writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO store_checkout (idempotency_key, store_id, member_id, amount_fen, benefit, charged_fen, created_ms) " +
            "VALUES (@IdempotencyKey, @StoreId, @MemberId, @AmountFen, @Benefit, @ChargedFen, @CreatedMs)", checkout, t));

    public Task<CheckoutRecord?> FindAsync(string idempotencyKey) =>
        database.QuerySingleAsync<CheckoutRecord>($"SELECT {Columns} FROM store_checkout WHERE idempotency_key = @idempotencyKey", new { idempotencyKey });

    public Task<IReadOnlyList<CheckoutRecord>> OfMemberAsync(string memberId) =>
        database.QueryAsync<CheckoutRecord>(
            $"SELECT {Columns} FROM store_checkout WHERE member_id = @memberId ORDER BY created_ms DESC, idempotency_key LIMIT {ListCountMax}", new { memberId });
}
