using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>What a member holds and has done, as the engine sees it now.</summary>
public sealed record MemberView(string Id, Points Points, Money Cash, Money Consumed, int Exits, string? Referrer);

public sealed partial class ValuePoolEngine
{
    public int MemberCount => _members.Count;

    /// <summary>Every member id, in ordinal order (the replay output's order).</summary>
    public IEnumerable<string> MemberIdsOrdinal() => _members.Ids.Order(StringComparer.Ordinal);

    public MemberView? FindMember(string id)
    {
        if (!_members.TryFind(id, out var index)) return null;
        var state = _members[index];
        return new MemberView(id, PointsOf(index), new Money(Ledger[Account.MemberCash(index)]),
            new Money(state.ConsumedFen), state.Exits,
            state.Referrer == Member.NoReferrer ? null : _members.Ids[state.Referrer]);
    }

    /// <summary>How many members hold points and so wait in the exit queue.</summary>
    public int MembersAwaitingExit => _exitQueue.Count;
}
