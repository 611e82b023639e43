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
