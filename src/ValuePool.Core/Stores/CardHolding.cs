namespace ValuePool.Core.Stores;

/// <summary>A member's card at one store, and the days its once-a-day benefits were last used.</summary>
internal sealed class CardHolding(int card, DateOnly openedOn)
{
    public int Card { get; set; } = card;
    public DateOnly OpenedOn { get; set; } = openedOn;
    public DateOnly? LastSpecialDay { get; set; }
    public DateOnly? LastFreeItemDay { get; set; }
}
