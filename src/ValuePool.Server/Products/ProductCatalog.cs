using Dapper;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Server.Data;

namespace ValuePool.Server.Products;

public sealed class ProductCatalog(ServerDatabase database, ServerWriter writer, TimeProvider time)
{
    private const string Columns = "id AS Id, store_id AS StoreId, name AS Name, price_fen AS PriceFen, shipped AS Shipped, created_ms AS CreatedMs, " +
                                   "CASE WHEN partner_product.product_id IS NULL THEN 0 ELSE 1 END AS MakesPartner";
    private const string From = "product LEFT JOIN partner_product ON partner_product.product_id = product.id";

    /// <summary>Adds a product and, when it overrides them, its rates and whether it is the store's partner product, in one write.</summary>
    public async Task<ProductRecord> AddAsync(string? storeId, string name, Money price, bool shipped, OrderRates? rates, bool makesPartner)
    {
        var product = new ProductRecord
        {
            Id = Ids.New("p"), StoreId = storeId, Name = name, PriceFen = price.Fen, Shipped = shipped ? 1 : 0, CreatedMs = UnixTime.Ms(time.GetUtcNow()),
            MakesPartner = makesPartner ? 1 : 0,
        };
        await writer.WriteAsync((c, t) =>
        {
            c.Execute("INSERT INTO product (id, store_id, name, price_fen, shipped, created_ms) VALUES (@Id, @StoreId, @Name, @PriceFen, @Shipped, @CreatedMs)", product, t);
            if (rates is not null) ProductRateBook.Save(c, t, product.Id, rates);
            if (makesPartner) c.Execute("INSERT INTO partner_product (product_id) VALUES (@Id)", product, t);
            return 0;
        });
        return product;
    }

    public Task<ProductRecord?> FindAsync(string id) =>
        database.QuerySingleAsync<ProductRecord>($"SELECT {Columns} FROM {From} WHERE id = @id", new { id });

    /// <summary>A store's products, or the platform's own when <paramref name="storeId"/> is null.</summary>
    public Task<IReadOnlyList<ProductRecord>> ListAsync(string? storeId) =>
        database.QueryAsync<ProductRecord>(
            $"SELECT {Columns} FROM {From} WHERE (store_id = @storeId) OR (@storeId IS NULL AND store_id IS NULL) ORDER BY created_ms, id", new { storeId });
}
