using ValuePool.Core.Amounts;

namespace ValuePool.Core.Stores;

/// <summary>
/// A partner store: identity, region at each agent level, its terms, and what its settlements need:
/// revenue by day, partners, cap table, and the days and periods already settled.
/// </summary>
internal sealed class Store(string id, int owner, int recruiter, int provinceRegion, int cityRegion, int districtRegion, StoreTerms terms)
{
    public const int NoRecruiter = -1;

    public string Id { get; } = id;
    public int Owner { get; } = owner;
    public int Recruiter { get; } = recruiter;
    public int ProvinceRegion { get; } = provinceRegion;
    public int CityRegion { get; } = cityRegion;
    public int DistrictRegion { get; } = districtRegion;
    public StoreTerms Terms { get; } = terms;

    /// <summary>Lifetime gross revenue of consume orders at the store.</summary>
    public Money Revenue { get; set; }
    public Dictionary<DateOnly, StoreDay> Days { get; } = new();

    public List<int> Partners { get; } = new();
    public HashSet<int> PartnerSet { get; } = new();
    /// <summary>Lifetime spend per member: kept only when the store qualifies partners by spend.</summary>
    public Dictionary<int, long> SpendByMemberFen { get; } = new();
    /// <summary>Spend per member and day: kept only when partner dividends are weighted by spend.</summary>
    public Dictionary<(int Member, DateOnly Day), long> SpendByMemberDayFen { get; } = new();

    public List<Shareholding> CapTable { get; } = new();
    public Rate SharesTotal { get; set; } = Rate.Zero;
    public HashSet<DateOnly> SettledShareholderDays { get; } = new();
    public List<(DateOnly From, DateOnly To)> SettledPartnerPeriods { get; } = new();
    /// <summary>Payouts its balance could not cover, oldest first (MODEL.md §8).</summary>
    public Queue<OwedPayout> Owed { get; } = new();

    public void AddPartner(int member)
    {
        if (PartnerSet.Add(member)) Partners.Add(member);
    }

    /// <summary>The whole store for a snapshot: dictionaries in key order, lists as they are, so equal stores give equal bytes.</summary>
    public void Write(BinaryWriter output)
    {
        output.Write(Id);
        foreach (var field in (ReadOnlySpan<int>)[Owner, Recruiter, ProvinceRegion, CityRegion, DistrictRegion]) output.Write(field);
        Terms.Write(output);
        output.Write(Revenue.Fen);
        output.Write(Days.Count);
        foreach (var (day, sales) in Days.OrderBy(d => d.Key)) { output.Write(day.DayNumber); output.Write(sales.GrossFen); output.Write(sales.NetFen); }
        output.Write(Partners.Count);
        foreach (var partner in Partners) output.Write(partner);
        output.Write(SpendByMemberFen.Count);
        foreach (var (member, spent) in SpendByMemberFen.OrderBy(s => s.Key)) { output.Write(member); output.Write(spent); }
        output.Write(SpendByMemberDayFen.Count);
        foreach (var ((member, day), spent) in SpendByMemberDayFen.OrderBy(s => s.Key)) { output.Write(member); output.Write(day.DayNumber); output.Write(spent); }
        output.Write(CapTable.Count);
        foreach (var holding in CapTable)
        {
            output.Write(holding.Member); output.Write(holding.Share.PartsPerMillion); output.Write(holding.Invested.Fen); output.Write(holding.Initiator);
        }
        output.Write(SettledShareholderDays.Count);
        foreach (var day in SettledShareholderDays.Order()) output.Write(day.DayNumber);
        output.Write(SettledPartnerPeriods.Count);
        foreach (var (from, to) in SettledPartnerPeriods) { output.Write(from.DayNumber); output.Write(to.DayNumber); }
        output.Write(Owed.Count);
        foreach (var debt in Owed) { output.Write(debt.Member); output.Write((byte)debt.Kind); output.Write(debt.Fen); }
    }

    public static Store Read(BinaryReader input)
    {
        var store = new Store(input.ReadString(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32(), StoreTerms.Read(input))
        {
            Revenue = new Money(input.ReadInt64()),
        };
        for (var n = input.ReadInt32(); n > 0; n--) store.Days.Add(ReadDay(input), new StoreDay(input.ReadInt64(), input.ReadInt64()));
        for (var n = input.ReadInt32(); n > 0; n--) store.AddPartner(input.ReadInt32());
        for (var n = input.ReadInt32(); n > 0; n--) store.SpendByMemberFen.Add(input.ReadInt32(), input.ReadInt64());
        for (var n = input.ReadInt32(); n > 0; n--) store.SpendByMemberDayFen.Add((input.ReadInt32(), ReadDay(input)), input.ReadInt64());
        for (var n = input.ReadInt32(); n > 0; n--)
        {
            var holding = new Shareholding(input.ReadInt32(), new Rate(input.ReadInt64()), new Money(input.ReadInt64()), input.ReadBoolean());
            store.CapTable.Add(holding);
            store.SharesTotal += holding.Share;
        }
        for (var n = input.ReadInt32(); n > 0; n--) store.SettledShareholderDays.Add(ReadDay(input));
        for (var n = input.ReadInt32(); n > 0; n--) store.SettledPartnerPeriods.Add((ReadDay(input), ReadDay(input)));
        for (var n = input.ReadInt32(); n > 0; n--) store.Owed.Enqueue(new OwedPayout(input.ReadInt32(), (Ledger.TransferKind)input.ReadByte(), input.ReadInt64()));
        return store;
    }

    private static DateOnly ReadDay(BinaryReader input) => DateOnly.FromDayNumber(input.ReadInt32());
}

/// <summary>A store's consume revenue on one day: gross, and net of the platform's commission.</summary>
internal record struct StoreDay(long GrossFen, long NetFen);
