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
    public void MultiLevelDifferential_IsReportedAsARisk_AndRefused()
    {
        var (code, stdout, stderr) = Audit("""{"multiLevelDifferential":true}""");
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
