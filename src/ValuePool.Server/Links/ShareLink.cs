namespace ValuePool.Server.Links;

/// <summary>A share code: whoever arrives through it is bound to <see cref="OwnerId"/> (a store's owner or a promoter).</summary>
public sealed class ShareLink
{
    public string Code { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public string? StoreId { get; init; }
}
