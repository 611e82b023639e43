namespace ValuePool.Core.Engine;

/// <summary>
/// Ids behind the dense indices that accounts carry (<c>Account.Owner</c>), so a reader of a
/// transaction (the journal's projections) can name who was paid.
/// </summary>
public sealed partial class ValuePoolEngine
{
    /// <summary>The id of the member at <paramref name="index"/>: the engine's own string, which an edge passes back with the index.</summary>
    public string MemberIdAt(int index) => _members.Ids[index];

    /// <summary>
    /// The member <paramref name="id"/>'s index: <paramref name="resolved"/> (an edge's resolution) if that member's record
    /// holds this very id string (the string <see cref="MemberIdAt"/> gives: a reference comparison, exact, in the record the order reads
    /// anyway), otherwise the lookup in the id dictionary.
    /// </summary>
    private bool TryFindMember(int resolved, string id, out int member)
    {
        member = resolved;
        if (resolved >= 0 && resolved < _members.Count && ReferenceEquals(_members[resolved].Id, id)) return true;
        return _members.TryFind(id, out member);
    }

    /// <summary>The member's dense index (what events and accounts carry), or null for an id the engine has not seen.</summary>
    public int? MemberIndexOf(string id) => IsValidId(id) && _members.TryFind(id, out var index) ? index : null;

    public string StoreIdAt(int index) => _stores[index].Id;
}
