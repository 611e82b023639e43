namespace ValuePool.Core.Stores;

/// <summary>The cards stores define, and which member holds which card at which store.</summary>
internal sealed class MembershipCards
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<(string Id, int Store, MembershipCardTerms Terms)> _cards = new();
    private readonly Dictionary<(int Member, int Store), CardHolding> _holdings = new();

    public bool TryFind(string? id, out int card)
    {
        card = -1;
        return id is not null && _indexById.TryGetValue(id, out card);
    }

    public void Define(string id, int store, MembershipCardTerms terms)
    {
        _indexById.Add(id, _cards.Count);
        _cards.Add((id, store, terms));
    }

    public (string Id, int Store, MembershipCardTerms Terms) this[int card] => _cards[card];

    /// <summary>A newly bought card replaces the member's card at that store.</summary>
    public void Open(int member, int card, DateOnly day) => _holdings[(member, _cards[card].Store)] = new CardHolding(card, day);

    /// <summary>The member's cards, one per store, the newest bought there (valid or not).</summary>
    public IEnumerable<(int Store, CardHolding Holding)> HeldBy(int member) =>
        _holdings.Where(h => h.Key.Member == member).Select(h => (h.Key.Store, h.Value));

    /// <summary>The last day <paramref name="holding"/> is valid on.</summary>
    public DateOnly LastValidDay(CardHolding holding) => holding.OpenedOn.AddDays(_cards[holding.Card].Terms.ValidDays - 1);

    public void Write(BinaryWriter output)
    {
        output.Write(_cards.Count);
        foreach (var (id, store, terms) in _cards) { output.Write(id); output.Write(store); terms.Write(output); }
        output.Write(_holdings.Count);
        foreach (var ((member, store), holding) in _holdings.OrderBy(h => h.Key))
        {
            output.Write(member); output.Write(store); output.Write(holding.Card); output.Write(holding.OpenedOn.DayNumber);
            output.Write(holding.LastSpecialDay?.DayNumber ?? -1); output.Write(holding.LastFreeItemDay?.DayNumber ?? -1);
        }
    }

    public void Read(BinaryReader input)
    {
        for (var n = input.ReadInt32(); n > 0; n--) Define(input.ReadString(), input.ReadInt32(), MembershipCardTerms.Read(input));
        for (var n = input.ReadInt32(); n > 0; n--)
        {
            var key = (input.ReadInt32(), input.ReadInt32());
            _holdings.Add(key, new CardHolding(input.ReadInt32(), DateOnly.FromDayNumber(input.ReadInt32()))
            {
                LastSpecialDay = OptionalDay(input.ReadInt32()),
                LastFreeItemDay = OptionalDay(input.ReadInt32()),
            });
        }
    }

    private static DateOnly? OptionalDay(int dayNumber) => dayNumber < 0 ? null : DateOnly.FromDayNumber(dayNumber);

    /// <summary>The member's card at the store if it is valid on <paramref name="day"/>.</summary>
    public CardHolding? ValidAt(int member, int store, DateOnly day) =>
        _holdings.Count > 0 // most platforms sell no cards: skip the lookup on every order
        && _holdings.TryGetValue((member, store), out var holding) && day.DayNumber < holding.OpenedOn.DayNumber + _cards[holding.Card].Terms.ValidDays
            ? holding : null;
}
