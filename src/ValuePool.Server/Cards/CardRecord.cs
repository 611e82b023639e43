namespace ValuePool.Server.Cards;

/// <summary>A row of <c>membership_card</c>: the card's name and store; its terms live in the engine.</summary>
public sealed class CardRecord
{
    public string Id { get; init; } = "";
    public string StoreId { get; init; } = "";
    public string Name { get; init; } = "";
    public long CreatedMs { get; init; }
}
