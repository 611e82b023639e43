namespace ValuePool.Cli.Tests;

/// <summary>REPLAY.md's contract, through the CLI.</summary>
public class ReplayCommandTests
{
    private const string Order = """{"type":"consume","member":"u1","amount":"1000.00"}""";

    [Fact]
    public void SeedVector_MatchesTheContractsExampleByteForByte()
    {
        var (code, stdout, stderr) = CliRun.Replay(Order,
            """{"type":"consume","member":"u2","amount":"1000.00"}""",
            """{"type":"consume","member":"u3","amount":"1000.00"}""");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("""{"pool":"480.00","points":"257.0400","price":"1.8674","platformRevenue":"120.00","orders":3,"members":{"u1":{"points":"112.0000","cash":"0.00","consumed":"1000.00","exits":0,"shoppingPoints":"0.00"},"u2":{"points":"78.4000","cash":"0.00","consumed":"1000.00","exits":0,"shoppingPoints":"0.00"},"u3":{"points":"66.6400","cash":"0.00","consumed":"1000.00","exits":0,"shoppingPoints":"0.00"}},"stores":{}}""" + Environment.NewLine, stdout);
    }

    [Fact]
    public void FirstForcedExit_IsOnOrder1137_Paying960_22()
    {
        var orders = Enumerable.Range(1, 1137).Select(i => $$"""{"type":"consume","member":"m{{i:D5}}","amount":"1000.00"}""").ToArray();
        var before = System.Text.Json.JsonDocument.Parse(CliRun.Replay(orders[..^1]).Stdout).RootElement;
        var after = System.Text.Json.JsonDocument.Parse(CliRun.Replay(orders).Stdout).RootElement;
        Assert.Equal(0, before.GetProperty("members").GetProperty("m00001").GetProperty("exits").GetInt32());
        var first = after.GetProperty("members").GetProperty("m00001");
        Assert.Equal(1, first.GetProperty("exits").GetInt32());
        Assert.Equal("960.22", first.GetProperty("cash").GetString());
        Assert.Equal(("180959.78", "16863.2097", "10.7310"),
            (after.GetProperty("pool").GetString(), after.GetProperty("points").GetString(), after.GetProperty("price").GetString()));
    }

    [Fact]
    public void EveryIdMentioned_IsAMember_InOrdinalOrder()
    {
        var (_, stdout, _) = CliRun.Replay(
            """{"type":"store","id":"s1","owner":"m9","recruiter":"p1","region":["gd","dg","songshan"]}""",
            """{"type":"agent","member":"a1","level":"district","region":["gd","dg","songshan"]}""",
            """{"type":"bind","member":"u1","referrer":"Z"}""",
            """{"type":"consume","member":"u1","store":"s1","amount":"1000.00"}""");
        var ids = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("members").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["Z", "a1", "m9", "p1", "u1"], ids);
    }

    [Fact]
    public void RewardsAndStoresShowInCash()
    {
        var (_, stdout, _) = CliRun.Replay(
            """{"type":"store","id":"s1","owner":"m9","recruiter":"p1","region":["gd","dg","songshan"]}""",
            """{"type":"agent","member":"a1","level":"district","region":["gd","dg","songshan"]}""",
            """{"type":"bind","member":"u1","referrer":"m9"}""",
            """{"type":"consume","member":"u1","store":"s1","amount":"1000.00"}""");
        var members = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("members");
        Assert.Equal("3.00", members.GetProperty("m9").GetProperty("cash").GetString());
        Assert.Equal("5.00", members.GetProperty("p1").GetProperty("cash").GetString());
        Assert.Equal("1.00", members.GetProperty("a1").GetProperty("cash").GetString());
    }

    [Fact]
    public void AnOverlappingDividendPeriod_OrAPayoutAboveTheBudget_IsABadLine()
    {
        var config = """{"type":"config","levels":[{"name":"V1","teamSpend":"100.00","rate":"0.001"}],"shareholderDividend":"wallet"}""";
        var (code, _, stderr) = CliRun.Replay(config,
            """{"type":"settle","kind":"platform-shareholders","from":"2026-11-01","to":"2026-11-07"}""",
            """{"type":"settle","kind":"platform-shareholders","from":"2026-11-07","to":"2026-11-14"}""");
        Assert.Equal(2, code);
        Assert.Contains("line 3", stderr);
        (code, _, stderr) = CliRun.Replay("""{"type":"config","levels":[{"name":"V1","teamSpend":"100.00","rate":"0.008"}],"differential":"wallet"}""");
        Assert.Equal(2, code);
        Assert.Contains("distribution budget", stderr);
    }

    [Fact]
    public void ConfigEvent_SelectsTwoTimesExit()
    {
        var lines = new[] { """{"type":"config","exitMultiple":"2.0"}""" }
            .Concat(Enumerable.Range(1, 1137).Select(i => $$"""{"type":"consume","member":"m{{i:D5}}","amount":"1000.00"}"""));
        var (code, stdout, _) = CliRun.Replay(lines.ToArray());
        Assert.Equal(0, code);
        Assert.DoesNotContain("\"exits\":1", stdout);
    }

    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("""{"type":"teleport"}""", "unknown event type")]
    [InlineData("""{"type":"consume","amount":"1.00"}""", "missing field \"member\"")]
    [InlineData("""{"type":"consume","member":"u1","amount":"1.001"}""", "more than 2 decimals")]
    [InlineData("""{"type":"consume","member":"u1","amount":"-1"}""", "not a decimal amount")]
    [InlineData("""{"type":"consume","member":"u1","amount":"0.00"}""", "above zero")]
    [InlineData("""{"type":"consume","member":"u1","amount":1000}""", "must be a string")]
    [InlineData("""{"type":"sell","member":"u1","points":"500.0000"}""", "fewer points")]
    [InlineData("""{"type":"sell","member":"u1","points":"1.00001"}""", "more than 4 decimals")]
    [InlineData("""{"type":"consume","member":"u1","store":"nope","amount":"1.00"}""", "no store")]
    [InlineData("""{"type":"store","id":"s1","owner":"o","region":["gd","dg","songshan"]}""", "already exists")]
    [InlineData("""{"type":"agent","member":"b","level":"city","region":["gd","dg"]}""", "already has an agent")]
    [InlineData("""{"type":"agent","member":"b","level":"city","region":["gd"]}""", "does not match")]
    [InlineData("""{"type":"config","exitMultiple":"2.0"}""", "after the first order")]
    [InlineData("""{"type":"config","commission":"0.3"}""", "must equal the commission")]
    public void ABadLine_IsRefusedWithItsNumber_AndNothingIsPrinted(string badLine, string reason)
    {
        var (code, stdout, stderr) = CliRun.Replay(
            """{"type":"store","id":"s1","owner":"o","region":["gd","dg","songshan"]}""",
            """{"type":"agent","member":"a","level":"city","region":["gd","dg"]}""",
            Order,
            badLine);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("line 4", stderr);
        Assert.Contains(reason, stderr);
    }

    [Fact]
    public void AnInvalidConfig_IsABadLine()
    {
        var (code, _, stderr) = CliRun.Replay("""{"type":"config","recruiterReward":"0.05"}""");
        Assert.Equal(2, code);
        Assert.Contains("distribution budget", stderr);
    }

    [Fact]
    public void TheSameInput_GivesTheSameOutput()
    {
        string[] lines = [Order, """{"type":"consume","member":"u2","amount":"37.41"}""", """{"type":"sell","member":"u1","points":"10.5"}"""];
        Assert.Equal(CliRun.Replay(lines).Stdout, CliRun.Replay(lines).Stdout);
    }

    [Fact]
    public void AMissingFile_ExitsTwo()
    {
        var (code, _, stderr) = CliRun.Run("", "replay", "/nonexistent/file.jsonl");
        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr);
    }

    [Fact]
    public void UnknownCommand_PrintsUsage_ExitsTwo()
    {
        var (code, _, stderr) = CliRun.Run("", "frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("usage", stderr);
    }
}

public class AuditTreeCommandTests
{
    [Fact]
    public void AThreeLevelTree_IsARisk()
    {
        var events = string.Join('\n', """{"type":"bind","member":"b","referrer":"a"}""", """{"type":"bind","member":"c","referrer":"b"}""",
            """{"type":"bind","member":"d","referrer":"c"}""");
        var (code, stdout, _) = CliRun.Run(events, "audit", "tree", "-");
        Assert.Equal(1, code);
        Assert.Contains("members at depth ≥ 3: 1", stdout);
    }

    [Fact]
    public void ATwoLevelTree_IsClean()
    {
        var (code, stdout, _) = CliRun.Run("""{"type":"bind","member":"b","referrer":"a"}""", "audit", "tree", "-");
        Assert.Equal(0, code);
        Assert.Contains("deepest level: 1", stdout);
    }
}
