namespace ValuePool.Server.Products;

/// <summary>A row of <c>product</c>. No store = a platform product (自营). Shipped products complete after the after-sales window.</summary>
public sealed class ProductRecord
{
    public string Id { get; init; } = "";
    public string? StoreId { get; init; }
    public string Name { get; init; } = "";
    public long PriceFen { get; init; }
    public long Shipped { get; init; }
    public long CreatedMs { get; init; }

    /// <summary>The store's designated partner product (MODEL.md §5): buying it makes the buyer a partner.</summary>
    public long MakesPartner { get; init; }

    public bool IsShipped => Shipped != 0;
    public bool IsPartnerProduct => MakesPartner != 0;
}
