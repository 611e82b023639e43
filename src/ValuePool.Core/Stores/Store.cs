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

    public void AddPartner(int member)
    {
        if (PartnerSet.Add(member)) Partners.Add(member);
    }
}

/// <summary>A store's consume revenue on one day: gross, and net of the platform's commission.</summary>
internal record struct StoreDay(long GrossFen, long NetFen);
