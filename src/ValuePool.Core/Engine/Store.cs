namespace ValuePool.Core.Engine;

/// <summary>A partner store: who owns it, who recruited it, and its region at each agent level.</summary>
internal sealed record Store(string Id, int Owner, int Recruiter, int ProvinceRegion, int CityRegion, int DistrictRegion)
{
    public const int NoRecruiter = -1;
}
