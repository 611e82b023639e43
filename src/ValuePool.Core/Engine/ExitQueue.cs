namespace ValuePool.Core.Engine;

/// <summary>
/// Members holding points, ordered by the price at which they must exit (lowest first). An indexed
/// 4-ary min-heap of <c>double</c> keys: update and removal cost O(log n), so a forced-exit check
/// never scans the members, and four 16-byte children share a cache line. Keys closer than a
/// billionth apart are ordered by <paramref name="exactOrder"/> (exact fractions, then member id),
/// so rounding in a double never decides who exits first.
/// </summary>
internal sealed class ExitQueue(Comparison<int> exactOrder)
{
    private const int Arity = 4;
    private const int Absent = -1;
    private const double NearlyEqual = 1e-9;

    private struct Entry
    {
        public double ExitPrice;
        public int Member;
    }

    private Entry[] _heap = new Entry[16];
    private int[] _slotOfMember = [];
    private int _count;

    public int Count => _count;

    public bool TryPeek(out int member, out double exitPrice)
    {
        if (_count == 0) { member = Absent; exitPrice = 0; return false; }
        member = _heap[0].Member;
        exitPrice = _heap[0].ExitPrice;
        return true;
    }

    /// <summary>Adds the member, or moves them to their new exit price.</summary>
    public void Set(int member, double exitPrice)
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
        var before = _heap[slot];
        _heap[slot].ExitPrice = exitPrice;
        if (Before(_heap[slot], before)) SiftUp(slot);
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

    private bool Before(in Entry a, in Entry b)
    {
        var gap = a.ExitPrice - b.ExitPrice;
        if (Math.Abs(gap) > NearlyEqual * Math.Max(Math.Abs(a.ExitPrice), Math.Abs(b.ExitPrice))) return gap < 0;
        return a.Member != b.Member && exactOrder(a.Member, b.Member) < 0;
    }

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
