using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Core.Tests.Configuration;

public class ComplianceAuditTests
{
    private static IEnumerable<string> RiskCodes(EngineConfig config) =>
        ComplianceAudit.Run(config).Where(f => f.Severity == FindingSeverity.Risk).Select(f => f.Code);

    [Fact]
    public void SeedDefaults_HaveNoRisk_ButTheAgentEntryFeesAreForReview()
    {
        var findings = ComplianceAudit.Run(EngineConfig.Default);
        Assert.Empty(RiskCodes(EngineConfig.Default));
        var district = Assert.Single(findings, f => f.Code == "entry-fee-district");
        Assert.Contains("¥50000.00", district.Message);
        Assert.Contains("¥50000000.00", district.Message); // 50,000 / 0.1% of regional orders to recover the fee
    }

    [Fact]
    public void ThreeReferralLevels_AreFlagged() =>
        Assert.Contains("referral-depth", RiskCodes(EngineConfig.Default with
        {
            ReferralLevels = [Rate.Percent(0.3m), Rate.Percent(0.2m), Rate.Percent(0.1m)],
            RecruiterReward = Rate.Percent(0.4m),
        }));

    [Fact]
    public void MultiLevelDifferential_IsFlagged() =>
        Assert.Contains("multi-level-differential", RiskCodes(EngineConfig.Default with { MultiLevelDifferential = true }));

    [Fact]
    public void TwoTimesExit_ReturnsMoreThanSpent_AndIsFlagged()
    {
        var finding = Assert.Single(ComplianceAudit.Run(EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) }),
            f => f.Code == "static-return");
        Assert.Contains("1.6", finding.Message);
        Assert.Contains("224", ComplianceAudit.Run(EngineConfig.Default).First().Rule);
    }

    [Fact]
    public void RatesThatDoNotSumToTheCommission_AreRefused() =>
        Assert.Contains(ConfigValidation.Problems(EngineConfig.Default with { PoolContribution = Rate.Percent(15) }),
            p => p.Contains("must equal the commission"));
}
