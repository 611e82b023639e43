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

    private static readonly EngineConfig WithLevels = EngineConfig.Default with
    {
        Levels = [new MemberLevel("V1", Money.FromYuan(10_000), Rate.Percent(0.1m)), new MemberLevel("V2", Money.FromYuan(50_000), Rate.Percent(0.3m))],
    };

    [Fact]
    public void ModesInWallets_AreRisks_WithTheirLegalSource()
    {
        var findings = ComplianceAudit.Run(WithLevels with
        {
            Differential = ModeSettlement.Wallet, Peer = ModeSettlement.Wallet, ShareholderDividend = ModeSettlement.Wallet,
        });
        foreach (var code in (string[])["multi-level-differential", "peer-reward", "platform-shareholder-dividend"])
        {
            var finding = Assert.Single(findings, f => f.Code == code);
            Assert.Equal(FindingSeverity.Risk, finding.Severity);
            Assert.Contains("224-1", finding.Rule);
            Assert.Contains("禁止传销条例", finding.Rule);
            Assert.Contains("传销", finding.Message);
        }
    }

    [Fact]
    public void ModesTalliedOffline_AreForReview_AndModesOff_AreNotReported()
    {
        var findings = ComplianceAudit.Run(WithLevels with { Differential = ModeSettlement.Offline });
        Assert.Equal(FindingSeverity.Review, Assert.Single(findings, f => f.Code == "multi-level-differential").Severity);
        Assert.DoesNotContain(findings, f => f.Code is "peer-reward" or "platform-shareholder-dividend");
        Assert.DoesNotContain(ComplianceAudit.Run(WithLevels), f => f.Code == "multi-level-differential");
    }

    [Fact]
    public void APayoutAboveTheBudget_IsARisk_AndTheConfigurationIsRefused()
    {
        // 1.3% of the referral, recruiter and agent rewards + a 0.8% top level in wallets > the 2% budget.
        var config = WithLevels with { Levels = [new MemberLevel("V1", Money.FromYuan(1), Rate.Percent(0.8m))], Differential = ModeSettlement.Wallet };
        Assert.Contains("payout-above-budget", RiskCodes(config));
        Assert.Contains(ConfigValidation.Problems(config), p => p.Contains("distribution budget"));
        // Tallied offline, the same level takes nothing from the budget.
        Assert.Empty(ConfigValidation.Problems(config with { Differential = ModeSettlement.Offline }));
    }

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
