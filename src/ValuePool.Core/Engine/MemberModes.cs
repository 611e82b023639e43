namespace ValuePool.Core.Engine;

/// <summary>
/// What the optional distribution modes (MODEL.md §3b) keep about members, beside the hot <see cref="Member"/> record so
/// that an engine without levels pays nothing for them: team spend, the level reached, what is owed offline, and for the
/// platform shareholders' dividend the revenue and team spend by day and the periods settled. Indexed by member; arrays
/// grow on first use, so members added elsewhere (a store owner, a referrer) hold zeros until then.
/// </summary>
internal sealed class MemberModes
{
    /// <summary>No level reached.</summary>
    public const int NoLevel = -1;

    private long[] _teamSpendFen = new long[16];
    /// <summary>Level index + 1: zero is no level, so a fresh array needs no filling.</summary>
    private byte[] _levelPlusOne = new byte[16];
    private long[] _offlineFen = new long[16];

    /// <summary>Platform revenue left by consume orders, by day, for the dividend's pool.</summary>
    public Dictionary<DateOnly, long> RevenueByDayFen { get; } = new();
    /// <summary>Team spend added to each member, by day, for the dividend's weights.</summary>
    public Dictionary<(int Member, DateOnly Day), long> TeamSpendAddedFen { get; } = new();
    /// <summary>The dividend periods settled, in order.</summary>
    public List<(DateOnly From, DateOnly To)> SettledPeriods { get; } = new();

    public long TeamSpendFen(int member) => member < _teamSpendFen.Length ? _teamSpendFen[member] : 0;
    public int Level(int member) => member < _levelPlusOne.Length ? _levelPlusOne[member] - 1 : NoLevel;
    public long OfflineFen(int member) => member < _offlineFen.Length ? _offlineFen[member] : 0;

    public void AddTeamSpend(int member, long fen)
    {
        Grow(member);
        _teamSpendFen[member] = checked(_teamSpendFen[member] + fen);
    }

    /// <summary>Levels only rise: a lower one is ignored.</summary>
    public void RaiseLevel(int member, int level)
    {
        Grow(member);
        if (level + 1 > _levelPlusOne[member]) _levelPlusOne[member] = (byte)(level + 1);
    }

    public void AddOffline(int member, long fen)
    {
        Grow(member);
        _offlineFen[member] = checked(_offlineFen[member] + fen);
    }

    private void Grow(int member)
    {
        if (member < _teamSpendFen.Length) return;
        var length = Math.Max(member + 1, _teamSpendFen.Length * 2);
        Array.Resize(ref _teamSpendFen, length);
        Array.Resize(ref _levelPlusOne, length);
        Array.Resize(ref _offlineFen, length);
    }

    /// <summary>In a fixed order (members by index, days ascending), so the same state gives the same bytes.</summary>
    public void Write(BinaryWriter output, int members)
    {
        output.Write(members);
        for (var member = 0; member < members; member++)
        {
            output.Write(TeamSpendFen(member));
            output.Write((byte)(Level(member) + 1));
            output.Write(OfflineFen(member));
        }
        output.Write(RevenueByDayFen.Count);
        foreach (var (day, fen) in RevenueByDayFen.OrderBy(entry => entry.Key)) { output.Write(day.DayNumber); output.Write(fen); }
        output.Write(TeamSpendAddedFen.Count);
        foreach (var ((member, day), fen) in TeamSpendAddedFen.OrderBy(entry => entry.Key))
        {
            output.Write(member);
            output.Write(day.DayNumber);
            output.Write(fen);
        }
        output.Write(SettledPeriods.Count);
        foreach (var (from, to) in SettledPeriods) { output.Write(from.DayNumber); output.Write(to.DayNumber); }
    }

    public void Read(BinaryReader input)
    {
        var members = input.ReadInt32();
        for (var member = 0; member < members; member++)
        {
            AddTeamSpend(member, input.ReadInt64());
            RaiseLevel(member, input.ReadByte() - 1);
            AddOffline(member, input.ReadInt64());
        }
        for (var n = input.ReadInt32(); n > 0; n--) RevenueByDayFen.Add(DateOnly.FromDayNumber(input.ReadInt32()), input.ReadInt64());
        for (var n = input.ReadInt32(); n > 0; n--) TeamSpendAddedFen.Add((input.ReadInt32(), DateOnly.FromDayNumber(input.ReadInt32())), input.ReadInt64());
        for (var n = input.ReadInt32(); n > 0; n--) SettledPeriods.Add((DateOnly.FromDayNumber(input.ReadInt32()), DateOnly.FromDayNumber(input.ReadInt32())));
    }
}
