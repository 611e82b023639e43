namespace ValuePool.Cli.Tests;

public class AuditConfigCommandTests
{
    private static (int, string, string) Audit(string json)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            return CliRun.Run("", "audit", "config", file);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Defaults_HaveOnlyReviewFindings_ExitZero()
    {
        var (code, stdout, _) = Audit("{}");
        Assert.Equal(0, code);
        Assert.Contains("[review] entry-fee-district", stdout);
        Assert.DoesNotContain("[risk]", stdout);
    }

    [Fact]
    public void TwoTimesExit_IsARisk_ExitOne()
    {
        var (code, stdout, _) = Audit("""{"exitMultiple":"2.0"}""");
        Assert.Equal(1, code);
        Assert.Contains("[risk] static-return", stdout);
        Assert.Contains("非法集资", stdout);
    }

    [Fact]
    public void ThreeLevels_AreARisk()
    {
        var (code, stdout, _) = Audit("""{"referralLevels":["0.003","0.002","0.001"],"recruiterReward":"0.004"}""");
        Assert.Equal(1, code);
        Assert.Contains("[risk] referral-depth", stdout);
    }

    [Fact]
    public void MultiLevelDifferential_IsReportedAsARisk_AndRefusedAboveTheBudget()
    {
        var (code, stdout, stderr) = Audit("""{"levels":[{"name":"V1","teamSpend":"100.00","rate":"0.008"}],"differential":"wallet"}""");
        Assert.Equal(2, code);
        Assert.Contains("[risk] multi-level-differential", stdout);
        Assert.Contains("refused", stderr);
    }

    [Theory]
    [InlineData("""{"exitMultiple":"x"}""", "not a decimal")]
    [InlineData("""{"nonsense":"1"}""", "unknown configuration key")]
    [InlineData("""{"recruiterReward":"0.05"}""", "distribution budget")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{""", "malformed JSON")]
    public void ABadFile_ExitsTwoWithTheReason(string json, string reason)
    {
        var (code, _, stderr) = Audit(json);
        Assert.Equal(2, code);
        Assert.Contains(reason, stderr);
    }
}

public class AuditStorePromisesTests
{
    [Fact]
    public void TheSeedsStore_Promises92Percent_AndItsSharesAreForReview()
    {
        var shares = string.Join(",", Enumerable.Repeat("""{"share":"0.04","invested":"32800.00"}""", 11));
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $$"""{"stores":[{"id":"s1","shareholders":[{"share":"0.51"},{"share":"0.05","invested":"49800.00","initiator":true},{{shares}}]}]}""");
            var (code, stdout, _) = CliRun.Run("", "audit", "config", file);
            Assert.Equal(0, code);
            // 20% commission + 15%·80% partner pool + 58% dividends + 2% bonus = 92%.
            Assert.Contains("[review] store-payouts:s1: store s1 promises 92% of its revenue", stdout);
            Assert.Contains("sells 4% for ¥32800.00", stdout);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void AStorePromisingMoreThanItsRevenue_IsARisk()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"shareholderDividendShare":"0.7","initiatorBonus":"0.02","stores":[{"id":"s9","shareholders":[{"share":"1","initiator":true}]}]}""");
            var (code, stdout, _) = CliRun.Run("", "audit", "config", file);
            Assert.Equal(1, code);
            Assert.Contains("[risk] store-payouts:s9", stdout);
            Assert.Contains("more than it takes in", stdout);
        }
        finally { File.Delete(file); }
    }
}
