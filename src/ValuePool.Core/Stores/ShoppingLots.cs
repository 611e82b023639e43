namespace ValuePool.Core.Stores;

/// <summary>
/// Every member's shopping-point lots, each remembering the store that issued it and its day, kept
/// per member in issue-day order (oldest first) as linked lists inside flat arrays: a million members
/// with a lot or two each cost a few dozen bytes apiece, not a list object each.
/// </summary>
internal sealed class ShoppingLots
{
    private const int None = -1;

    private int[] _store = new int[16];
    private long[] _unitsLeft = new long[16];
    private DateOnly[] _day = new DateOnly[16];
    private int[] _next = new int[16];
    private int _used;
    private int _freeList = None;
    private int[] _head = [];

    public readonly record struct Lot(int Store, long Units, DateOnly Day);

    /// <summary>Adds a lot; a lot of the same store and day as the member's newest one is merged into it.</summary>
    public void Add(int member, int store, long units, DateOnly day)
    {
        EnsureMember(member);
        int previous = None, cursor = _head[member];
        while (cursor != None && _day[cursor] <= day) { previous = cursor; cursor = _next[cursor]; }
        if (previous != None && _store[previous] == store && _day[previous] == day) { _unitsLeft[previous] += units; return; }
        var lot = NewLot(store, units, day);
        _next[lot] = cursor;
        if (previous == None) _head[member] = lot; else _next[previous] = lot;
    }

    /// <summary>The member's lots, oldest first.</summary>
    public IEnumerable<Lot> Of(int member)
    {
        if (member >= _head.Length) yield break;
        for (var lot = _head[member]; lot != None; lot = _next[lot])
            yield return new Lot(_store[lot], _unitsLeft[lot], _day[lot]);
    }

    /// <summary>Takes <paramref name="units"/> from the oldest lots, reporting each store's part. The caller checked the balance.</summary>
    public void Take(int member, long units, Action<int, long> takenFromStore)
    {
        while (units > 0)
        {
            var lot = _head[member];
            var taken = Math.Min(units, _unitsLeft[lot]);
            takenFromStore(_store[lot], taken);
            _unitsLeft[lot] -= taken;
            units -= taken;
            if (_unitsLeft[lot] == 0) RemoveHead(member);
        }
    }

    /// <summary>Removes the member's lots issued on or before <paramref name="lastExpiredDay"/>, returning their units.</summary>
    public long RemoveIssuedOnOrBefore(int member, DateOnly lastExpiredDay)
    {
        long removed = 0;
        while (member < _head.Length && _head[member] != None && _day[_head[member]] <= lastExpiredDay)
        {
            removed += _unitsLeft[_head[member]];
            RemoveHead(member);
        }
        return removed;
    }

    private void RemoveHead(int member)
    {
        var lot = _head[member];
        _head[member] = _next[lot];
        _next[lot] = _freeList;
        _freeList = lot;
    }

    private int NewLot(int store, long units, DateOnly day)
    {
        int lot;
        if (_freeList != None) { lot = _freeList; _freeList = _next[lot]; }
        else
        {
            if (_used == _store.Length)
            {
                var size = _store.Length * 2;
                Array.Resize(ref _store, size);
                Array.Resize(ref _unitsLeft, size);
                Array.Resize(ref _day, size);
                Array.Resize(ref _next, size);
            }
            lot = _used++;
        }
        _store[lot] = store;
        _unitsLeft[lot] = units;
        _day[lot] = day;
        return lot;
    }

    private void EnsureMember(int member)
    {
        if (member < _head.Length) return;
        var old = _head.Length;
        Array.Resize(ref _head, Math.Max(member + 1, old * 2));
        Array.Fill(_head, None, old, _head.Length - old);
    }
}
