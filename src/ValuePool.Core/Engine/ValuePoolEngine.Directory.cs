namespace ValuePool.Core.Engine;

/// <summary>
/// Ids behind the dense indices that accounts carry (<c>Account.Owner</c>), so a reader of a
/// transaction (the journal's projections) can name who was paid.
/// </summary>
public sealed partial class ValuePoolEngine
{
    public string MemberIdAt(int index) => _members.Ids[index];

    public string StoreIdAt(int index) => _stores[index].Id;

    public int StoreCount => _stores.Count;
}
