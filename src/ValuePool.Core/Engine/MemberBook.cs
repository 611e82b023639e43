using System.Runtime.InteropServices;

namespace ValuePool.Core.Engine;

/// <summary>Members by id and by dense index: ids are kept once, the engine works on indices.</summary>
internal sealed class MemberBook
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<string> _ids = new();
    private Member[] _members = new Member[16];

    public int Count => _ids.Count;
    public IReadOnlyList<string> Ids => _ids;

    public bool TryFind(string? id, out int index)
    {
        index = -1;
        return id is not null && _indexById.TryGetValue(id, out index);
    }

    public int GetOrAdd(string id)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexById, id, out var exists);
        if (exists) return index;
        index = _ids.Count;
        _ids.Add(id);
        if (index == _members.Length) Array.Resize(ref _members, _members.Length * 2);
        _members[index] = new Member { Id = id, Referrer = Member.NoReferrer, QueuedExitPrice = double.NaN, LotHead = -1, LotTail = -1 };
        return index;
    }

    public ref Member this[int index] => ref _members[index];

    /// <summary>A member's balance of one of their accounts; members not yet added hold nothing.</summary>
    public long BalanceOf(Ledger.AccountKind kind, int index) => index < _ids.Count ? BalanceSlot(kind, index) : 0;

    /// <summary>The ledger's storage for a member account (MemberCash, MemberPoints or MemberShoppingPoints).</summary>
    public ref long BalanceSlot(Ledger.AccountKind kind, int index)
    {
        ref var member = ref _members[index];
        switch (kind)
        {
            case Ledger.AccountKind.MemberCash: return ref member.CashFen;
            case Ledger.AccountKind.MemberPoints: return ref member.PointsUnits;
            case Ledger.AccountKind.MemberShoppingPoints: return ref member.ShoppingPointsUnits;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a member account");
        }
    }
}
