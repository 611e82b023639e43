using System.Numerics;

namespace ValuePool.Core.Tests.Reference;

/// <summary>
/// An independent implementation of docs/MODEL.md §2 and §3 (referral levels and the store recruiter) with the
/// default rates, written from the rules alone in <see cref="BigInteger"/> arithmetic, no engine code: the
/// replay output must agree with it on any event file (docs/REPLAY.md). Amounts are fen, points are units of
/// 0.0001, rates are parts per million; the price is the pair (poolFen, pointsUnits), and every division is a
/// floor of non-negative integers. With <see cref="ConfigureModes"/>, also MODEL.md §3b's member levels, differential,
/// peer reward and platform shareholders' dividend, with levels V1 ¥100 0.1%, V2 ¥500 0.2%, V3 ¥2,000 0.4%.
/// </summary>
internal sealed class ReferenceModel
{
    private static readonly BigInteger Million = 1_000_000;
    private const long CommissionPpm = 200_000, PoolPpm = 160_000, MintSharePpm = 700_000, BudgetPpm = 20_000;
    private const long DirectPpm = 3_000, IndirectPpm = 2_000, RecruiterPpm = 5_000, PayoutPpm = 800_000;
    private const long ShoppingPointsPerYuan = 3;

    public sealed class Person
    {
        public BigInteger Units, CashFen, ConsumedFen, ShoppingFen, CycleConsumedFen, CycleRealizedFen;
        public int Exits;
        public string? Referrer;
        public BigInteger TeamSpendFen, OfflineFen;
        /// <summary>Index into <see cref="LevelThresholdsFen"/>; −1 below the first.</summary>
        public int Level = -1;
    }

    /// <summary>The modes' settings: null = no levels. Wallet true, false = offline; null = off.</summary>
    public sealed record ModeSettings(bool? Differential, bool? Peer, int DepthMax, bool? Dividend);

    public static readonly string[] LevelNames = ["V1", "V2", "V3"];
    private static readonly BigInteger[] LevelThresholdsFen = [10_000, 50_000, 200_000];
    private static readonly long[] LevelPpm = [1_000, 2_000, 4_000];
    private const long PeerPpm = 100_000, DividendPpm = 10_000;

    private ModeSettings? _modes;
    private readonly Dictionary<int, BigInteger> _revenueByDayFen = new();
    private readonly Dictionary<(string Member, int Day), BigInteger> _teamAddedFen = new();
    private readonly List<(int From, int To)> _settledPeriods = new();
    public bool HasLevels => _modes is not null;

    public void ConfigureModes(ModeSettings modes) => _modes = modes;

    public sealed record Shop(string Owner, string? Recruiter)
    {
        public BigInteger RevenueFen, BalanceFen;
    }

    private readonly SortedDictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Shop> _shops = new(StringComparer.Ordinal);
    private long _exitMultiplePpm = 1_200_000;

    public BigInteger PoolFen { get; private set; }
    public BigInteger PointsUnits { get; private set; }
    /// <summary>The price fraction; while no points circulate, the last one (initially 100 fen per 10,000 units).</summary>
    public (BigInteger Fen, BigInteger Units) Price { get; private set; } = (100, 10_000);
    public BigInteger PlatformRevenueFen { get; private set; }
    public long Orders { get; private set; }
    public long ForcedExits { get; private set; }
    public IReadOnlyDictionary<string, Person> People => _people;
    public IReadOnlyDictionary<string, Shop> Shops => _shops;

    public void Configure(long exitMultiplePpm) => _exitMultiplePpm = exitMultiplePpm;

    public void OpenStore(string id, string owner, string? recruiter)
    {
        PersonOf(owner);
        if (recruiter is not null) PersonOf(recruiter);
        _shops.Add(id, new Shop(owner, recruiter));
    }

    /// <summary>First binding wins; a binding to oneself or one that closes a cycle is ignored.</summary>
    public void Bind(string member, string referrer)
    {
        var person = PersonOf(member);
        PersonOf(referrer);
        if (person.Referrer is not null || member == referrer) return;
        for (var up = referrer; up is not null; up = _people[up].Referrer)
            if (up == member) return;
        person.Referrer = referrer;
        AfterEvent();
    }

    public void Consume(string member, string? store, BigInteger amountFen, int day = 0)
    {
        var buyer = PersonOf(member);
        var commission = Share(amountFen, CommissionPpm);
        var contribution = Share(amountFen, PoolPpm);
        var mintValue = amountFen * PoolPpm * MintSharePpm / (Million * Million);
        var minted = mintValue * Price.Units / Price.Fen; // at the price before this order's contribution

        var left = Share(amountFen, BudgetPpm);
        void Reward(string to, long ppm)
        {
            var reward = BigInteger.Min(Share(amountFen, ppm), left);
            _people[to].CashFen += reward;
            left -= reward;
        }
        if (buyer.Referrer is { } direct)
        {
            Reward(direct, DirectPpm);
            if (_people[direct].Referrer is { } indirect) Reward(indirect, IndirectPpm);
        }
        if (store is not null)
        {
            var shop = _shops[store];
            if (shop.Recruiter is { } recruiter) Reward(recruiter, RecruiterPpm);
            shop.RevenueFen += amountFen;
            shop.BalanceFen += amountFen - commission;
            buyer.ShoppingFen += ShoppingPointsPerYuan * amountFen;
        }
        if (_modes is { } modes) left = ModeRewards(modes, member, amountFen, left);
        var rewards = Share(amountFen, BudgetPpm) - left;
        PlatformRevenueFen += commission - contribution - rewards;
        if (_modes is not null)
        {
            _revenueByDayFen[day] = _revenueByDayFen.GetValueOrDefault(day) + commission - contribution - rewards;
            for (var id = member; id is not null; id = _people[id].Referrer)
            {
                var person = _people[id];
                person.TeamSpendFen += amountFen;
                while (person.Level + 1 < LevelThresholdsFen.Length && LevelThresholdsFen[person.Level + 1] <= person.TeamSpendFen) person.Level++;
                _teamAddedFen[(id, day)] = _teamAddedFen.GetValueOrDefault((id, day)) + amountFen;
            }
        }
        PoolFen += contribution;
        PointsUnits += minted;
        buyer.Units += minted;
        buyer.CycleConsumedFen += amountFen;
        buyer.ConsumedFen += amountFen;
        Orders++;
        AfterEvent();
    }

    /// <summary>Differential then peer rewards, levels as before the order; wallet ones cut to what is left of the budget.</summary>
    private BigInteger ModeRewards(ModeSettings modes, string buyer, BigInteger amountFen, BigInteger left)
    {
        if (modes.Differential is not { } differentialInWallet) return left;
        var uplines = new List<string>();
        for (var up = _people[buyer].Referrer; up is not null && uplines.Count < modes.DepthMax; up = _people[up].Referrer) uplines.Add(up);
        void Give(string to, BigInteger fen, bool wallet)
        {
            if (!wallet) { _people[to].OfflineFen += fen; return; }
            var paid = BigInteger.Min(fen, left);
            _people[to].CashFen += paid;
            left -= paid;
        }
        long highestPpm = 0;
        var earned = new List<(int Place, BigInteger Fen)>();
        for (var place = 0; place < uplines.Count && highestPpm < LevelPpm[^1]; place++)
        {
            var level = _people[uplines[place]].Level;
            if (level < 0 || LevelPpm[level] <= highestPpm) continue;
            var fen = Share(amountFen, LevelPpm[level] - highestPpm);
            highestPpm = LevelPpm[level];
            earned.Add((place, fen));
            Give(uplines[place], fen, differentialInWallet);
        }
        if (modes.Peer is not { } peerInWallet) return left;
        foreach (var (place, fen) in earned)
        {
            var level = _people[uplines[place]].Level;
            var peer = uplines.Skip(place + 1).FirstOrDefault(up => _people[up].Level == level);
            if (peer is not null) Give(peer, Share(fen, PeerPpm), peerInWallet);
        }
        return left;
    }

    /// <summary>The platform shareholders' dividend of the inclusive period of days; the same period again pays nothing.</summary>
    public void SettleDividend(int from, int to)
    {
        if (_modes?.Dividend is not { } wallet || _settledPeriods.Contains((from, to))) return;
        _settledPeriods.Add((from, to));
        var revenue = _revenueByDayFen.Where(d => d.Key >= from && d.Key <= to).Aggregate(BigInteger.Zero, (sum, d) => sum + d.Value);
        var pool = Share(revenue, DividendPpm);
        var top = _people.Where(p => p.Value.Level == LevelThresholdsFen.Length - 1).Select(p => p.Key).ToList();
        var weights = top.Select(id => _teamAddedFen.Where(t => t.Key.Member == id && t.Key.Day >= from && t.Key.Day <= to)
            .Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value)).ToList();
        if (weights.All(w => w == 0)) weights = top.Select(_ => BigInteger.One).ToList();
        var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        for (var i = 0; i < top.Count; i++)
        {
            var dividend = pool * weights[i] / total;
            if (wallet) { _people[top[i]].CashFen += dividend; PlatformRevenueFen -= dividend; }
            else _people[top[i]].OfflineFen += dividend;
        }
        AfterEvent();
    }

    public void Sell(string member, BigInteger units)
    {
        var seller = _people[member];
        if (units <= 0 || units > seller.Units) throw new ArgumentOutOfRangeException(nameof(units));
        seller.CycleRealizedFen += SellAll(seller, units);
        AfterEvent();
    }

    public void Subsidy(BigInteger amountFen)
    {
        PoolFen += amountFen;
        AfterEvent();
    }

    /// <summary>Gross ⌊q·pool/points⌋; the seller is paid ⌊q·pool·payout/points⌋, the rest stays in the pool.</summary>
    private BigInteger SellAll(Person seller, BigInteger units)
    {
        var gross = units * Price.Fen / Price.Units;
        var paid = units * Price.Fen * PayoutPpm / (Price.Units * Million);
        seller.Units -= units;
        seller.CashFen += paid;
        PoolFen -= paid;
        PointsUnits -= units;
        UpdatePrice();
        return gross;
    }

    /// <summary>Forced exits until none is due: the lowest exit price (m·C − R)/H first, ties by member id.</summary>
    private void AfterEvent()
    {
        UpdatePrice();
        while (true)
        {
            string? lowest = null;
            foreach (var (id, person) in _people)
                if (person.Units > 0 && (lowest is null || ExitPriceBelow(person, _people[lowest]))) lowest = id;
            if (lowest is null) return;
            var holder = _people[lowest];
            // H·price + R ≥ m·C, scaled by pointsUnits · 10^6.
            var due = (holder.Units * Price.Fen + holder.CycleRealizedFen * Price.Units) * Million
                >= _exitMultiplePpm * holder.CycleConsumedFen * Price.Units;
            if (!due) return;
            SellAll(holder, holder.Units);
            holder.CycleConsumedFen = 0;
            holder.CycleRealizedFen = 0;
            holder.Exits++;
            ForcedExits++;
        }
    }

    /// <summary>Strictly lower exit price, cross-multiplied (both H positive); ordinal iteration makes the first id win ties.</summary>
    private bool ExitPriceBelow(Person a, Person b) =>
        ExitNumerator(a) * b.Units < ExitNumerator(b) * a.Units;

    private BigInteger ExitNumerator(Person p) => _exitMultiplePpm * p.CycleConsumedFen - p.CycleRealizedFen * Million;

    private void UpdatePrice()
    {
        if (PointsUnits > 0) Price = (PoolFen, PointsUnits);
    }

    private Person PersonOf(string id)
    {
        if (!_people.TryGetValue(id, out var person)) _people.Add(id, person = new Person());
        return person;
    }

    private static BigInteger Share(BigInteger amountFen, long ppm) => amountFen * ppm / Million;

    /// <summary>Yuan per point (100 · fen / units) rounded half-up to 4 decimals: ⌊(2 · 10^6 · fen + units) / (2 · units)⌋ / 10^4.</summary>
    public string PriceText()
    {
        var tenThousandths = (2 * Million * Price.Fen + Price.Units) / (2 * Price.Units);
        return Decimals(tenThousandths, 4);
    }

    public static string Decimals(BigInteger scaled, int places)
    {
        var unit = BigInteger.Pow(10, places);
        return $"{scaled / unit}.{(scaled % unit).ToString().PadLeft(places, '0')}";
    }
}
