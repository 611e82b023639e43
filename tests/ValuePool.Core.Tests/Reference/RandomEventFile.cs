using System.Numerics;

namespace ValuePool.Core.Tests.Reference;

/// <summary>
/// A random docs/REPLAY.md event file, built line by line while <see cref="Model"/> applies each event, so that
/// sales can take a random fraction of what a member holds: a config line (exit multiple 1.2 or 2.0), two stores
/// (one with a recruiter), then binds, consumes with and without a store, sales and subsidies.
/// </summary>
internal sealed class RandomEventFile
{
    private readonly Random _random;
    private readonly List<string> _lines = [];
    private readonly int _memberIds;

    /// <summary>With <paramref name="withModes"/>, the config also sets the reference's levels and random modes, orders fall on
    /// days of November 2026 and some events settle the platform shareholders' dividend of a week.</summary>
    public RandomEventFile(int seed, int memberIds, bool withModes = false)
    {
        _random = new Random(seed);
        _memberIds = memberIds;
        var exitMultiplePpm = _random.Next(2) == 0 ? 1_200_000 : 2_000_000;
        var modes = withModes ? RandomModes() : "";
        Add($$"""{"type":"config","exitMultiple":"{{(exitMultiplePpm == 1_200_000 ? "1.2" : "2.0")}}"{{modes}}}""");
        Model.Configure(exitMultiplePpm);
        Add("""{"type":"store","id":"s1","owner":"o1","recruiter":"r1","region":["gd","dg","songshan"]}""");
        Model.OpenStore("s1", "o1", "r1");
        Add("""{"type":"store","id":"s2","owner":"o2","region":["gd","gz","tianhe"]}""");
        Model.OpenStore("s2", "o2", null);
    }

    public ReferenceModel Model { get; } = new();
    private bool _withModes;

    private string RandomModes()
    {
        _withModes = true;
        bool? Settlement() => _random.Next(3) switch { 0 => null, 1 => false, _ => true };
        string Field(string name, bool? wallet) => wallet is null ? "" : $",\"{name}\":\"{(wallet.Value ? "wallet" : "offline")}\"";
        var settings = new ReferenceModel.ModeSettings(Settlement(), Settlement(), _random.Next(1, 6), Settlement());
        Model.ConfigureModes(settings);
        return ""","levels":[{"name":"V1","teamSpend":"100.00","rate":"0.001"},{"name":"V2","teamSpend":"500.00","rate":"0.002"},{"name":"V3","teamSpend":"2000.00","rate":"0.004"}]"""
            + Field("differential", settings.Differential) + Field("peer", settings.Peer) + Field("shareholderDividend", settings.Dividend)
            + $",\"depthMax\":{settings.DepthMax},\"peerRate\":\"0.10\",\"dividendShare\":\"0.01\"";
    }
    public string Text => string.Join('\n', _lines) + "\n";

    /// <summary>One random event: mostly orders, some bindings, sales and subsidies.</summary>
    public void AddRandomEvent()
    {
        var roll = _random.Next(100);
        if (roll < 12) Bind(AnyMember(), _random.Next(4) == 0 ? (_random.Next(2) == 0 ? "o1" : "o2") : AnyMember());
        else if (roll < 72) Consume(AnyMember(), RandomStore(), RandomAmountFen());
        else if (roll < 92) SellSome();
        else if (_withModes && roll < 96) SettleWeek(_random.Next(4)); // with the dividend off too: it then changes nothing
        else Subsidy(_random.Next(1, 500_000));
    }

    public void Bind(string member, string referrer)
    {
        Add($$"""{"type":"bind","member":"{{member}}","referrer":"{{referrer}}"}""");
        Model.Bind(member, referrer);
    }

    public void Consume(string member, string? store, long amountFen)
    {
        var storeField = store is null ? "" : $",\"store\":\"{store}\"";
        var day = _withModes ? _random.Next(1, 29) : 0;
        var dayField = _withModes ? $",\"day\":\"2026-11-{day:D2}\"" : "";
        Add($$"""{"type":"consume","member":"{{member}}"{{storeField}},"amount":"{{Fen(amountFen)}}"{{dayField}}}""");
        Model.Consume(member, store, amountFen, day);
    }

    /// <summary>Week 0–3 of November 2026 (1–7, 8–14, …): weeks never overlap; the same one twice pays once.</summary>
    private void SettleWeek(int week)
    {
        var (from, to) = (week * 7 + 1, week * 7 + 7);
        Add($$"""{"type":"settle","kind":"platform-shareholders","from":"2026-11-{{from:D2}}","to":"2026-11-{{to:D2}}"}""");
        Model.SettleDividend(from, to);
    }

    public void Subsidy(long amountFen)
    {
        Add($$"""{"type":"subsidy","amount":"{{Fen(amountFen)}}","source":"A round"}""");
        Model.Subsidy(amountFen);
    }

    /// <summary>A random holder sells 1–100% of their points (at least one unit).</summary>
    private void SellSome()
    {
        var holders = Model.People.Where(p => p.Value.Units > 0).Select(p => p.Key).ToArray();
        if (holders.Length == 0) return;
        var seller = holders[_random.Next(holders.Length)];
        var held = Model.People[seller].Units;
        var units = BigInteger.Max(1, held * _random.Next(1, 101) / 100);
        Add($$"""{"type":"sell","member":"{{seller}}","points":"{{ReferenceModel.Decimals(units, 4)}}"}""");
        Model.Sell(seller, units);
    }

    private string AnyMember() => $"m{_random.Next(1, _memberIds + 1):D3}";

    private string? RandomStore() => _random.Next(3) switch { 0 => null, 1 => "s1", _ => "s2" };

    /// <summary>A third ¥1000 (the seed's order), a third small amounts where every floor bites, a third up to ¥5,000.</summary>
    private long RandomAmountFen() => _random.Next(3) switch
    {
        0 => 100_000,
        1 => _random.Next(1, 5_000),
        _ => _random.Next(5_000, 500_001),
    };

    private static string Fen(long fen) => ReferenceModel.Decimals(fen, 2);

    private void Add(string line) => _lines.Add(line);
}
