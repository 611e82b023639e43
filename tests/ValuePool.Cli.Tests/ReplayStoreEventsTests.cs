using System.Text.Json;

namespace ValuePool.Cli.Tests;

/// <summary>REPLAY.md's store events, through the CLI.</summary>
public class ReplayStoreEventsTests
{
    private const string Store = """{"type":"store","id":"s1","owner":"m9","region":["gd","dg","songshan"],"partnerSpend":"5000.00","partnerSplit":"equal"}""";

    private static JsonElement State(params string[] lines)
    {
        var (code, stdout, stderr) = CliRun.Replay(lines);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static string Cash(JsonElement state, string member) => state.GetProperty("members").GetProperty(member).GetProperty("cash").GetString()!;

    [Fact]
    public void Stores_AreListedWithRevenueAndBalance_AndMembersWithShoppingPoints()
    {
        var state = State(Store, """{"type":"consume","member":"u1","store":"s1","amount":"1000.00","day":"2026-11-24"}""");
        var s1 = state.GetProperty("stores").GetProperty("s1");
        Assert.Equal("1000.00", s1.GetProperty("revenue").GetString());
        Assert.Equal("800.00", s1.GetProperty("balance").GetString());
        Assert.Equal("3000.00", state.GetProperty("members").GetProperty("u1").GetProperty("shoppingPoints").GetString());
    }

    [Fact]
    public void TheSeedsShareholders_GetTheirDividends()
    {
        var lines = new List<string>
        {
            Store,
            """{"type":"shareholder","store":"s1","member":"hq","share":"0.51","invested":"0.00","initiator":false}""",
            """{"type":"shareholder","store":"s1","member":"init","share":"0.05","invested":"49800.00","initiator":true}""",
        };
        lines.AddRange(Enumerable.Range(1, 11).Select(i => $$"""{"type":"shareholder","store":"s1","member":"h{{i:D2}}","share":"0.04","invested":"32800.00","initiator":false}"""));
        lines.Add("""{"type":"consume","member":"u1","store":"s1","amount":"5000.00","day":"2026-11-24"}""");
        lines.Add("""{"type":"settle","store":"s1","kind":"shareholders","day":"2026-11-24"}""");
        lines.Add("""{"type":"settle","store":"s1","kind":"shareholders","day":"2026-11-24"}""");
        var state = State(lines.ToArray());
        Assert.Equal("245.00", Cash(state, "init"));
        Assert.Equal("116.00", Cash(state, "h05"));
    }

    [Fact]
    public void BuyAndPartners_FollowTheContract()
    {
        var state = State(Store,
            """{"type":"bind","member":"u1","referrer":"r1"}""",
            """{"type":"consume","member":"u1","store":"s1","amount":"5000.00","day":"2026-11-20"}""",
            """{"type":"partner","store":"s1","member":"u2"}""",
            """{"type":"buy","member":"u1","amount":"100.00","shoppingPoints":"70.00"}""",
            """{"type":"settle","store":"s1","kind":"partners","from":"2026-11-18","to":"2026-11-24"}""");
        // u1 reached partnerSpend: partners u1 and u2 share floor2(0.15·4000) = 600.
        Assert.Equal("300.00", Cash(state, "u2"));
        Assert.Equal("20.00", Cash(state, "r1")); // 15.00 direct reward + 5.00 from the buy
        Assert.Equal(2, state.GetProperty("orders").GetInt32());
        Assert.Equal("3407.00", state.GetProperty("stores").GetProperty("s1").GetProperty("balance").GetString()); // 4000 + 7 − 600
    }

    [Theory]
    [InlineData("""{"type":"settle","store":"s1","kind":"partners","from":"2026-11-20","to":"2026-11-26"}""", "overlaps")]
    [InlineData("""{"type":"settle","store":"s1","kind":"shareholders","day":"2026-11-24"}""", "exactly 1")]
    [InlineData("""{"type":"shareholder","store":"s1","member":"x","share":"0.6"}""", "exceed 1")]
    [InlineData("""{"type":"buy","member":"u1","amount":"100.00","shoppingPoints":"70.01"}""", "at most")]
    [InlineData("""{"type":"settle","store":"s1","kind":"weekly"}""", "not shareholders, partners")]
    [InlineData("""{"type":"store","id":"s2","owner":"o","region":["a","b","c"],"partnerSplit":"random"}""", "not equal or weighted")]
    public void BadStoreLines_AreRefused(string badLine, string reason)
    {
        var (code, stdout, stderr) = CliRun.Replay(Store,
            """{"type":"shareholder","store":"s1","member":"hq","share":"0.5"}""",
            """{"type":"consume","member":"u1","store":"s1","amount":"1000.00","day":"2026-11-20"}""",
            """{"type":"settle","store":"s1","kind":"partners","from":"2026-11-18","to":"2026-11-24"}""",
            badLine);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("line 5", stderr);
        Assert.Contains(reason, stderr);
    }
}

/// <summary>The sample files in samples/ stay valid replay input with the documented results.</summary>
public class SampleFilesTests
{
    private static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "ValuePool.sln"))) directory = directory.Parent;
        return Path.Combine(directory.FullName, "samples", name);
    }

    [Fact]
    public void TheSeedVectorSample_PrintsTheSeedVector()
    {
        var (code, stdout, _) = CliRun.Run("", "replay", Sample("seed-vector.jsonl"));
        Assert.Equal(0, code);
        Assert.StartsWith("""{"pool":"480.00","points":"257.0400","price":"1.8674",""", stdout);
    }

    [Fact]
    public void TheFirstExitSample_ExitsMember1OnOrder1137_Paying960_22()
    {
        var (code, stdout, _) = CliRun.Run("", "replay", Sample("first-exit.jsonl"));
        Assert.Equal(0, code);
        Assert.StartsWith("""{"pool":"180959.78","points":"16863.2097","price":"10.7310","platformRevenue":""", stdout);
        Assert.Contains("""
            "m00001":{"points":"0.0000","cash":"960.22","consumed":"1000.00","exits":1,
            """.Trim(), stdout);
    }

    [Fact]
    public void TheSharedStoreSample_PaysTheSeedsDividends()
    {
        var (code, stdout, _) = CliRun.Run("", "replay", Sample("shared-store.jsonl"));
        Assert.Equal(0, code);
        var state = System.Text.Json.JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("116.00", state.GetProperty("members").GetProperty("h05").GetProperty("cash").GetString());
        // 245.00 dividends and bonus + 15.00 direct reward + 5.00 from the platform purchase.
        Assert.Equal("265.00", state.GetProperty("members").GetProperty("initiator").GetProperty("cash").GetString());
        Assert.Equal("407.00", state.GetProperty("stores").GetProperty("s1").GetProperty("balance").GetString());
    }

    [Fact]
    public void TheModesSample_PaysTheDifferential_AndTalliesTheDividendOffline()
    {
        // u → a (V1) → b (V2) on ¥1,000: a 0.1% + b 0.2% differential on top of the ¥3 and ¥2 referral rewards. The platform
        // kept ¥400 + ¥2,000 + ¥32 in November: 1% = ¥24.32 for b, the only V2, tallied offline (settled twice, paid once).
        var (code, stdout, stderr) = CliRun.Run("", "replay", Sample("modes.jsonl"));
        Assert.Equal((0, ""), (code, stderr));
        var members = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("members");
        string Field(string member, string name) => members.GetProperty(member).GetProperty(name).GetString()!;
        Assert.Equal(("V1", "4.00", "0.00"), (Field("a", "level"), Field("a", "cash"), Field("a", "offline")));
        Assert.Equal(("V2", "4.00", "24.32"), (Field("b", "level"), Field("b", "cash"), Field("b", "offline")));
        Assert.Equal(("", "0.00"), (Field("u", "level"), Field("u", "offline")));
    }
}
