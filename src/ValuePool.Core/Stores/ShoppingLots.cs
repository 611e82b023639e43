using ValuePool.Core.Engine;

namespace ValuePool.Core.Stores;

/// <summary>
/// Every member's shopping-point lots, each remembering the store that issued it and its day, kept
/// per member in issue-day order (oldest first) as linked lists inside one flat array: a million
/// members with a lot or two each cost a few dozen bytes apiece, not a list object each. A list's
/// ends live in the member's own record (<see cref="Member.LotHead"/>), which an order touches anyway.
/// </summary>
internal sealed class ShoppingLots(MemberBook members)
{
    private const int None = -1;

    private struct Node
    {
        public long UnitsLeft;
        public DateOnly Day;
        public int Store;
        public int Next;
    }

    private Node[] _nodes = new Node[16];
    private int _used;
    private int _freeList = None;

    public readonly record struct Lot(int Store, long Units, DateOnly Day);

    /// <summary>Adds a lot; a lot of the same store and day as the member's newest one is merged into it.</summary>
    public void Add(int member, int store, long units, DateOnly day)
    {
        ref var ends = ref members[member];
        if (ends.LotTail != None && _nodes[ends.LotTail].Day <= day)
        {
            // The usual case: days arrive in order, so the lot goes last (or joins the last one).
            ref var tail = ref _nodes[ends.LotTail];
            if (tail.Store == store && tail.Day == day) { tail.UnitsLeft += units; return; }
            var appended = NewLot(store, units, day);
            _nodes[ends.LotTail].Next = appended;
            ends.LotTail = appended;
            return;
        }
        InsertInDayOrder(ref ends, NewLot(store, units, day));
    }

    /// <summary>The member's lots, oldest first.</summary>
    public IEnumerable<Lot> Of(int member)
    {
        for (var lot = members[member].LotHead; lot != None; lot = _nodes[lot].Next)
            yield return new Lot(_nodes[lot].Store, _nodes[lot].UnitsLeft, _nodes[lot].Day);
    }

    /// <summary>Takes <paramref name="units"/> from the oldest lots, reporting each store's part. The caller checked the balance.</summary>
    public void Take(int member, long units, Action<int, long> takenFromStore)
    {
        while (units > 0)
        {
            ref var lot = ref _nodes[members[member].LotHead];
            var taken = Math.Min(units, lot.UnitsLeft);
            takenFromStore(lot.Store, taken);
            lot.UnitsLeft -= taken;
            units -= taken;
            if (lot.UnitsLeft == 0) RemoveHead(member);
        }
    }

    /// <summary>Removes the member's lots issued on or before <paramref name="lastExpiredDay"/>, returning their units.</summary>
    public long RemoveIssuedOnOrBefore(int member, DateOnly lastExpiredDay)
    {
        long removed = 0;
        ref var ends = ref members[member];
        while (ends.LotHead != None && _nodes[ends.LotHead].Day <= lastExpiredDay)
        {
            removed += _nodes[ends.LotHead].UnitsLeft;
            RemoveHead(member);
        }
        return removed;
    }

    /// <summary>Every member's lots, oldest first: what a snapshot keeps (free nodes and merging history are not state).</summary>
    public void Write(BinaryWriter output)
    {
        for (var member = 0; member < members.Count; member++)
        {
            var lots = Of(member).ToList();
            output.Write(lots.Count);
            foreach (var lot in lots) { output.Write(lot.Store); output.Write(lot.Units); output.Write(lot.Day.DayNumber); }
        }
    }

    public void Read(BinaryReader input)
    {
        for (var member = 0; member < members.Count; member++)
            for (var n = input.ReadInt32(); n > 0; n--)
            {
                // Appended as stored, never merged: the restored lists equal the written ones.
                ref var ends = ref members[member];
                var lot = NewLot(input.ReadInt32(), input.ReadInt64(), DateOnly.FromDayNumber(input.ReadInt32()));
                if (ends.LotTail == None) ends.LotHead = lot; else _nodes[ends.LotTail].Next = lot;
                ends.LotTail = lot;
            }
    }

    /// <summary>An out-of-order day (a replay of older events): walk to the lot's place.</summary>
    private void InsertInDayOrder(ref Member ends, int lot)
    {
        int previous = None, cursor = ends.LotHead;
        while (cursor != None && _nodes[cursor].Day <= _nodes[lot].Day) { previous = cursor; cursor = _nodes[cursor].Next; }
        _nodes[lot].Next = cursor;
        if (previous == None) ends.LotHead = lot; else _nodes[previous].Next = lot;
        if (cursor == None) ends.LotTail = lot;
    }

    private void RemoveHead(int member)
    {
        ref var ends = ref members[member];
        var lot = ends.LotHead;
        ends.LotHead = _nodes[lot].Next;
        if (ends.LotHead == None) ends.LotTail = None;
        _nodes[lot].Next = _freeList;
        _freeList = lot;
    }

    private int NewLot(int store, long units, DateOnly day)
    {
        int lot;
        if (_freeList != None) { lot = _freeList; _freeList = _nodes[lot].Next; }
        else
        {
            if (_used == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
            lot = _used++;
        }
        _nodes[lot] = new Node { Store = store, UnitsLeft = units, Day = day, Next = None };
        return lot;
    }
}
