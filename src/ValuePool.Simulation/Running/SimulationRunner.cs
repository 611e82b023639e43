using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Running;

/// <summary>
/// Runs a scenario through the real <see cref="ValuePoolEngine"/>, day by day: subsidies at the start
/// of the day, then the day's first orders of new members interleaved with repeat orders, then sales.
/// What happened is read back from each command's typed outcome (<see cref="CommandOutcome"/>: sales, forced exits,
/// rewards, subsidies) and its transfers summed by kind, so the report counts exactly what the ledger booked. One seeded generator draws every choice in a
/// fixed order: the same scenario and seed give the same run.
/// </summary>
public sealed class SimulationRunner
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Scenario _scenario;
    private readonly ValuePoolEngine _engine;
    private readonly SeededRandom _random;
    private readonly OrderAmountSampler _amounts;
    private readonly int[] _arrivalsPerDay;
    private readonly int[] _firstMemberOfDay;
    private readonly string[] _ids;
    private readonly MemberOutcomes _members;
    private readonly ModeEarnings _modeEarnings = new();
    private readonly LedgerTotals _totals = new();
    private readonly int[] _exitWaitDays;
    private readonly List<DailySample> _samples = new();
    private readonly string[] _storeIds;
    private readonly int _participants;
    /// <summary>Each consumer's engine index, and the consumer at each engine index (−1: a store owner or agent).</summary>
    private readonly int[] _engineIndexOf;
    private readonly int[] _consumerAt;
    private DayCounters _today;
    private long _orders;

    private SimulationRunner(Scenario scenario)
    {
        _scenario = scenario;
        _engine = new ValuePoolEngine(scenario.Engine);
        _random = new SeededRandom(scenario.Seed);
        _amounts = new OrderAmountSampler(scenario.OrderAmount);
        _arrivalsPerDay = ArrivalPlan.PerDay(scenario.Growth, scenario.Days);
        _firstMemberOfDay = new int[scenario.Days + 1];
        var capacity = _arrivalsPerDay.Sum();
        _ids = new string[capacity];
        _members = new MemberOutcomes(capacity);
        _exitWaitDays = new int[scenario.Days];
        _storeIds = StoreNetworkSetup.Build(_engine, scenario.Stores, _random, Start);
        _participants = _engine.MemberCount;
        _engineIndexOf = Enumerable.Repeat(-1, capacity).ToArray();
        _consumerAt = Enumerable.Repeat(-1, _participants + capacity).ToArray();
    }

    public static SimulationResult Run(Scenario scenario, Action<SimulationProgress>? progress = null)
    {
        var problems = ScenarioValidation.Problems(scenario);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(scenario));
        var runner = new SimulationRunner(scenario);
        for (var day = 0; day < scenario.Days; day++)
        {
            runner.SimulateDay(day);
            progress?.Invoke(new SimulationProgress(day + 1, scenario.Days, runner._orders));
        }
        return runner.Finish();
    }

    private void SimulateDay(int day)
    {
        _today = default;
        _firstMemberOfDay[day] = _members.Count;
        var dayStart = Start.AddDays(day);
        foreach (var round in _scenario.Subsidies)
            if (round.Day == day) Apply(new Subsidy(Money.FromYuan(round.AmountYuan), round.Source, dayStart), day);
        if (day < (_scenario.ConsumptionStopsOnDay ?? int.MaxValue)) PlaceOrders(day, dayStart);
        var dayEnd = dayStart.AddDays(1).AddTicks(-1);
        SellEarly(day, dayEnd);
        foreach (var sellOff in _scenario.SellOffs)
            if (sellOff.Day == day) SellOff(sellOff.Share, day, dayEnd);
        SettleDividend(day, dayEnd);
        _samples.Add(Sample(day));
    }

    /// <summary>The day's first orders of new members and repeat orders of earlier ones, shuffled together in time.</summary>
    private void PlaceOrders(int day, DateTimeOffset dayStart)
    {
        var arrivalsLeft = _arrivalsPerDay[day];
        var expectedRepeats = _members.Count * _scenario.RepeatOrdersPerMemberPerDay;
        var repeats = (int)expectedRepeats + (_random.Chance(expectedRepeats % 1) ? 1 : 0);
        var total = arrivalsLeft + repeats;
        var ticksBetweenOrders = TimeSpan.TicksPerDay / (total + 1);
        for (var k = 0; k < total; k++)
        {
            var at = dayStart.AddTicks((k + 1) * ticksBetweenOrders);
            if (arrivalsLeft > 0 && _random.Next(total - k) < arrivalsLeft)
            {
                Arrive(day, at);
                arrivalsLeft--;
            }
            else Order(_random.Next(_members.Count), _random.Next(_storeIds.Length), day, at);
        }
    }

    /// <summary>A new member: bound through a store's QR code, an earlier member's link, or nobody; then their first order.</summary>
    private void Arrive(int day, DateTimeOffset at)
    {
        var member = _members.Add(day, _random.Chance(_scenario.EarlySellers.Share));
        _ids[member] = SimulationResult.ConsumerId(member);
        _today.NewMembers++;
        var store = _random.Next(_storeIds.Length);
        var binding = _random.NextDouble();
        var referrals = _scenario.Referrals;
        if (binding < referrals.StoreQrShare)
            Apply(new Bind(_ids[member], StoreNetworkSetup.OwnerId(store), at), day);
        else if (binding < referrals.StoreQrShare + referrals.MemberLinkShare && member > 0)
            Apply(new Bind(_ids[member], _ids[_random.Next(member)], at), day);
        Order(member, store, day, at);
        var index = _engine.MemberIndexOf(_ids[member])!.Value;
        (_engineIndexOf[member], _consumerAt[index]) = (index, member);
    }

    private void Order(int member, int store, int day, DateTimeOffset at)
    {
        var fen = _amounts.NextFen(_random);
        ref var outcome = ref _members[member];
        if (outcome.CycleStartDay == MemberOutcome.Never) outcome.CycleStartDay = day;
        outcome.SpentFen += fen;
        _today.Orders++;
        _today.ConsumedFen += fen;
        _orders++;
        // The runner is the edge that knows each consumer's engine index: the engine need not look the id up.
        Apply(new Consume(_ids[member], _storeIds[store], new Money(fen), at) { MemberIndex = _engineIndexOf[member] }, day);
    }

    /// <summary>With the platform shareholders' dividend on, every <see cref="DividendPeriodDays"/> days closes a period.</summary>
    private void SettleDividend(int day, DateTimeOffset at)
    {
        if (_scenario.Engine.ShareholderDividend == ModeSettlement.Off || (day + 1) % DividendPeriodDays != 0) return;
        var last = DateOnly.FromDateTime(Start.AddDays(day).UtcDateTime);
        Apply(new SettlePlatformShareholders(last.AddDays(1 - DividendPeriodDays), last, at), day);
    }

    public const int DividendPeriodDays = 30;

    private void SellEarly(int day, DateTimeOffset at)
    {
        var arrivalDay = day - _scenario.EarlySellers.AfterDays;
        if (arrivalDay < 0) return;
        for (var member = _firstMemberOfDay[arrivalDay]; member < _firstMemberOfDay[arrivalDay] + _arrivalsPerDay[arrivalDay] && member < _members.Count; member++)
            if (_members[member].EarlySeller) SellAll(member, day, at);
    }

    private void SellOff(double share, int day, DateTimeOffset at)
    {
        for (var member = 0; member < _members.Count; member++)
            if (_random.Chance(share)) SellAll(member, day, at);
    }

    private void SellAll(int member, int day, DateTimeOffset at)
    {
        var units = _engine.Ledger[Account.MemberPoints(_engineIndexOf[member])];
        if (units > 0) Apply(new Sell(_ids[member], new Points(units), at), day);
    }

    private void Apply(Command command, int day)
    {
        var result = _engine.Apply(command);
        if (!result.IsAccepted()) throw new InvalidOperationException($"the engine refused a simulated {command.GetType().Name}: {result.Describe()}");
        Observe(day);
    }

    /// <summary>Credits what the command did (its outcome) to the members and the day, and its transfers to the totals.</summary>
    private void Observe(int day)
    {
        var outcome = _engine.Outcome;
        foreach (var transfer in outcome.Transfers) _totals.Add(transfer.Kind, transfer.Amount);
        foreach (var exit in outcome.Exits)
        {
            ObserveExit(_consumerAt[exit.Member], day);
            _members[_consumerAt[exit.Member]].PoolCashFen += exit.Paid.Fen;
            _today.ForcedExitPaidFen += exit.Paid.Fen;
        }
        foreach (var sale in outcome.Sales)
        {
            _members[_consumerAt[sale.Member]].PoolCashFen += sale.Paid.Fen;
            _today.SalePaidFen += sale.Paid.Fen;
        }
        foreach (var credit in outcome.Credits)
        {
            if (credit.Kind is not (TransferKind.ReferralReward or TransferKind.RecruiterReward or TransferKind.AgentReward
                or TransferKind.DifferentialReward or TransferKind.PeerReward)) continue;
            if (_consumerAt[credit.Member] >= 0) _members[_consumerAt[credit.Member]].RewardsFen += credit.Amount.Fen;
            _today.RewardsPaidFen += credit.Amount.Fen;
        }
        foreach (var subsidy in outcome.Subsidies) _today.SubsidyFen += subsidy.Amount.Fen;
        foreach (var reward in outcome.ModeRewards) _modeEarnings.Add(reward);
    }

    private void ObserveExit(int member, int day)
    {
        _today.ForcedExits++;
        ref var outcome = ref _members[member];
        outcome.Exits++;
        if (outcome.FirstExitDay == MemberOutcome.Never) outcome.FirstExitDay = day;
        _exitWaitDays[day - outcome.CycleStartDay]++;
        outcome.CycleStartDay = MemberOutcome.Never;
    }

    private DailySample Sample(int day) => new(day, _engine.Price, _engine.Pool.Fen, _engine.CirculatingPoints.Units,
        _engine.PlatformRevenue.Fen, _members.Count, _today.NewMembers, _today.Orders, _today.ConsumedFen, _today.ForcedExits,
        _today.ForcedExitPaidFen, _today.SalePaidFen, _today.RewardsPaidFen, _today.SubsidyFen, _engine.MembersAwaitingExit);

    private SimulationResult Finish()
    {
        for (var member = 0; member < _members.Count; member++)
        {
            var held = new Points(_engine.Ledger[Account.MemberPoints(_engineIndexOf[member])]);
            _members[member].HeldSaleValueFen = _engine.Price.ValueOf(held, _engine.Config.Payout).Fen;
        }
        return new SimulationResult(_scenario, _engine, _samples, _members, _totals, _exitWaitDays, _orders, _participants)
        {
            ModeEarnings = _modeEarnings,
            ConsumerAt = _consumerAt,
        };
    }

    /// <summary>What happened during the current day; reset at its start.</summary>
    private struct DayCounters
    {
        public int NewMembers, Orders, ForcedExits;
        public long ConsumedFen, ForcedExitPaidFen, SalePaidFen, RewardsPaidFen, SubsidyFen;
    }
}
