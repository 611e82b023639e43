namespace ValuePool.Core.Engine;

/// <summary>
/// Members holding points, ordered by the price at which they must exit (lowest first, ties by
/// member id in ordinal order). An indexed 4-ary min-heap: update and removal cost O(log n), so a
/// forced-exit check never scans the members. Four children share a cache line or two, which keeps
/// the sift cheap with a million members.
/// </summary>
internal sealed class ExitQueue(IReadOnlyList<string> memberIds)
{
    private const int Arity = 4;
    private const int Absent = -1;

    private struct Entry
    {
        public decimal ExitPrice;
        public int Member;
    }

    private Entry[] _heap = new Entry[16];
    private int[] _slotOfMember = [];
    private int _count;

    public int Count => _count;

    public bool TryPeek(out int member, out decimal exitPrice)
    {
        if (_count == 0) { member = Absent; exitPrice = 0; return false; }
        member = _heap[0].Member;
        exitPrice = _heap[0].ExitPrice;
        return true;
    }

    /// <summary>Adds the member, or moves them to their new exit price.</summary>
    public void Set(int member, decimal exitPrice)
    {
        EnsureMember(member);
        var slot = _slotOfMember[member];
        if (slot == Absent)
        {
            if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
            slot = _count++;
            _heap[slot] = new Entry { ExitPrice = exitPrice, Member = member };
            SiftUp(slot);
            return;
        }
        var before = _heap[slot].ExitPrice;
        _heap[slot].ExitPrice = exitPrice;
        if (exitPrice < before) SiftUp(slot);
        else SiftDown(slot);
    }

    public void Remove(int member)
    {
        if (member >= _slotOfMember.Length || _slotOfMember[member] == Absent) return;
        var slot = _slotOfMember[member];
        _slotOfMember[member] = Absent;
        _count--;
        if (slot == _count) return;
        var moved = _heap[_count];
        Place(slot, moved);
        SiftUp(slot);
        SiftDown(_slotOfMember[moved.Member]);
    }

    private void EnsureMember(int member)
    {
        if (member < _slotOfMember.Length) return;
        var grown = Math.Max(member + 1, _slotOfMember.Length * 2);
        var old = _slotOfMember.Length;
        Array.Resize(ref _slotOfMember, grown);
        Array.Fill(_slotOfMember, Absent, old, grown - old);
    }

    private bool Before(in Entry a, in Entry b) =>
        a.ExitPrice != b.ExitPrice
            ? a.ExitPrice < b.ExitPrice
            : string.CompareOrdinal(memberIds[a.Member], memberIds[b.Member]) < 0;

    private void SiftUp(int slot)
    {
        var entry = _heap[slot];
        while (slot > 0)
        {
            var parent = (slot - 1) / Arity;
            if (!Before(entry, _heap[parent])) break;
            Place(slot, _heap[parent]);
            slot = parent;
        }
        Place(slot, entry);
    }

    private void SiftDown(int slot)
    {
        var entry = _heap[slot];
        while (true)
        {
            var first = slot * Arity + 1;
            if (first >= _count) break;
            var best = first;
            var last = Math.Min(first + Arity, _count);
            for (var child = first + 1; child < last; child++)
                if (Before(_heap[child], _heap[best])) best = child;
            if (!Before(_heap[best], entry)) break;
            Place(slot, _heap[best]);
            slot = best;
        }
        Place(slot, entry);
    }

    private void Place(int slot, in Entry entry)
    {
        _heap[slot] = entry;
        _slotOfMember[entry.Member] = slot;
    }
}
