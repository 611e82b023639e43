using Dapper;
using ValuePool.Server.Data;

namespace ValuePool.Server.Cards;

/// <summary>Which cards each store has defined, and their names: the engine knows cards by id only.</summary>
public sealed class CardCatalog(ServerDatabase database, ServerWriter writer)
{
    private const string Columns = "id AS Id, store_id AS StoreId, name AS Name, created_ms AS CreatedMs";

    public Task AddAsync(CardRecord card) =>
        writer.WriteAsync((c, t) => c.Execute("INSERT INTO membership_card (id, store_id, name, created_ms) VALUES (@Id, @StoreId, @Name, @CreatedMs)", card, t));

    public Task<CardRecord?> FindAsync(string id) =>
        database.QuerySingleAsync<CardRecord>($"SELECT {Columns} FROM membership_card WHERE id = @id", new { id });

    public Task<IReadOnlyList<CardRecord>> OfStoreAsync(string storeId) =>
        database.QueryAsync<CardRecord>($"SELECT {Columns} FROM membership_card WHERE store_id = @storeId ORDER BY created_ms, id", new { storeId });
}
