namespace ValuePool.Core.Stores;

/// <summary>
/// Which members received lots on which day, so the daily expiry visits only members whose lots may
/// have expired instead of every member. Kept only when shopping points expire.
/// </summary>
internal sealed class ShoppingLotExpiries
{
    private readonly SortedDictionary<DateOnly, List<int>> _membersByIssueDay = new();

    public void Issued(int member, DateOnly day)
    {
        if (!_membersByIssueDay.TryGetValue(day, out var members)) _membersByIssueDay.Add(day, members = new List<int>());
        if (members.Count == 0 || members[^1] != member) members.Add(member);
    }

    public void Write(BinaryWriter output)
    {
        output.Write(_membersByIssueDay.Count);
        foreach (var (day, members) in _membersByIssueDay)
        {
            output.Write(day.DayNumber);
            output.Write(members.Count);
            foreach (var member in members) output.Write(member);
        }
    }

    public void Read(BinaryReader input)
    {
        for (var days = input.ReadInt32(); days > 0; days--)
        {
            var members = new List<int>();
            _membersByIssueDay.Add(DateOnly.FromDayNumber(input.ReadInt32()), members);
            for (var n = input.ReadInt32(); n > 0; n--) members.Add(input.ReadInt32());
        }
    }

    /// <summary>Removes and returns, in issue order, the members with lots issued on or before <paramref name="lastDay"/>.</summary>
    public List<int> TakeIssuedOnOrBefore(DateOnly lastDay)
    {
        var due = new List<int>();
        while (_membersByIssueDay.Count > 0)
        {
            var (day, members) = _membersByIssueDay.First();
            if (day > lastDay) break;
            due.AddRange(members);
            _membersByIssueDay.Remove(day);
        }
        return due;
    }
}
