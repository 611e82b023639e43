namespace ValuePool.Core.Engine;

/// <summary>
/// Ids behind the dense indices that accounts carry (<c>Account.Owner</c>), so a reader of a
/// transaction (the journal's projections) can name who was paid.
/// </summary>
public sealed partial class ValuePoolEngine
{
    public string MemberIdAt(int index) => _members.Ids[index];

    /// <summary>
    /// The member <paramref name="id"/>'s index: <paramref name="resolved"/> (an edge's resolution) if it names that member,
    /// which costs one comparison instead of a lookup in the id dictionary; otherwise the lookup.
    /// </summary>
    private bool TryFindMember(int resolved, string id, out int member)
    {
        member = resolved;
        if (resolved >= 0 && resolved < _members.Count && string.Equals(_members.Ids[resolved], id, StringComparison.Ordinal)) return true;
        return _members.TryFind(id, out member);
    }

    /// <summary>The member's dense index (what events and accounts carry), or null for an id the engine has not seen.</summary>
    public int? MemberIndexOf(string id) => IsValidId(id) && _members.TryFind(id, out var index) ? index : null;

    public string StoreIdAt(int index) => _stores[index].Id;
}
