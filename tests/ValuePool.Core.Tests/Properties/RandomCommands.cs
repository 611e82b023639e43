using CsCheck;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Tests.Properties;

/// <summary>
/// Random platforms for property tests: a fixed network of stores and agents, then a random mix of
/// orders (online and at offline tills), sales, bindings, subsidies, settlements, withdrawals, store payouts,
/// deposits and collected share purchases among a few members (few, so that they meet often).
/// A sale is drawn as a share of what the member holds, so most sales are valid. The configuration is the default, a
/// two-times exit, or one with the distribution modes of MODEL.md §3b on (levels low enough to be reached, settled in
/// wallets, offline or mixed), with the platform shareholders' dividend settled day by day.
/// </summary>
internal static class RandomCommands
{
    public sealed record Step(int Kind, int Member, int Other, long Amount);

    private const int MemberCount = 8;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly EngineConfig WithModes = EngineConfig.Default with
    {
        Levels =
        [
            new MemberLevel("V1", Money.FromYuan(100), Rate.Percent(0.1m)),
            new MemberLevel("V2", Money.FromYuan(1_000), Rate.Percent(0.2m)),
            new MemberLevel("V3", Money.FromYuan(3_000), Rate.Percent(0.4m)),
        ],
        Differential = ModeSettlement.Wallet, Peer = ModeSettlement.Wallet, ShareholderDividend = ModeSettlement.Wallet, DepthMax = 3,
    };

    private static readonly EngineConfig?[] Configs =
    [
        null,
        EngineConfig.Default with { ExitMultiple = Rate.FromDecimal(2m) },
        WithModes,
        WithModes with { Differential = ModeSettlement.Offline, Peer = ModeSettlement.Offline, ShareholderDividend = ModeSettlement.Offline },
        WithModes with { Peer = ModeSettlement.Offline, ExitMultiple = Rate.FromDecimal(2m) },
    ];

    public static readonly Gen<(EngineConfig? Config, Step[] Steps)> Platform =
        Gen.Select(Gen.Int[0, Configs.Length - 1].Select(i => Configs[i]),
            Gen.Frequency(
                (6, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Int[0, 3], Gen.Long[1, 500_000], (m, s, fen) => new Step(0, m, s, fen))),
                (3, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Long[1, 100], (m, percent) => new Step(1, m, 0, percent))),
                (2, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Int[0, MemberCount + 2], (m, r) => new Step(2, m, r, 0))),
                (1, Gen.Long[1, 50_000].Select(fen => new Step(3, 0, 0, fen))),
                (2, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Long[1, 100], (m, percent) => new Step(4, m, 0, percent))),
                (1, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Int[0, 2], (m, s) => new Step(5, m, s, 0))),
                (2, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], (s, kind) => new Step(6, 0, s, kind))),
                (1, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Long[1, 100], (m, percent) => new Step(7, m, 0, percent))),
                (1, Gen.Select(Gen.Int[0, 9], Gen.Bool, (w, approve) => new Step(8, 0, w, approve ? 1 : 0))),
                (1, Gen.Int[0, MemberCount - 1].Select(m => new Step(9, m, 0, 0))),
                (1, Gen.Select(Gen.Int[0, MemberCount + 1], Gen.Int[1, 3], Gen.Long[1, 50_000], (m, benefit, fen) => new Step(10, m, benefit, fen))),
                (1, Gen.Select(Gen.Int[0, 2], Gen.Long[1, 20_000], (s, fen) => new Step(11, 0, s, fen))),
                (2, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Int[0, 2], Gen.Long[1, 200_000], (m, s, fen) => new Step(12, m, s, fen))),
                (1, Gen.Select(Gen.Int[0, 2], Gen.Long[1, 100], (s, percent) => new Step(13, 0, s, percent))),
                (1, Gen.Select(Gen.Int[0, MemberCount - 1], Gen.Long[1, 5_000_00], (m, fen) => new Step(14, m, 1, fen))),
                (1, Gen.Const(new Step(15, 0, 0, 0)))).Array[1, 120]);

    /// <summary>Applies the platform step by step, calling <paramref name="afterEach"/> after every command; returns the commands applied.</summary>
    public static List<Command> Apply(ValuePoolEngine engine, EngineConfig? config, Step[] steps, Action<Command, CommandResult>? afterEach = null)
    {
        var applied = new List<Command>();
        void Run(Command command)
        {
            var result = engine.Apply(command);
            applied.Add(command);
            afterEach?.Invoke(command, result);
        }

        if (config is not null) Run(new Configure(config, Start));
        Run(new RegisterStore("s0", "m0", "p0", new Region(["gd", "dg", "songshan"]), Start));
        // s1 pays its partners for every new member, which its balance may not cover (then it owes them).
        Run(new RegisterStore("s1", "m1", null, new Region(["gd", "dg", "nancheng"]), Start)
        {
            Terms = StoreTerms.Default with { PartnerReferralReward = Money.FromYuan(20m) },
        });
        Run(new RegisterStore("s2", "m2", "p1", new Region(["gd", "gz", "tianhe"]), Start));
        Run(new AppointAgent("a0", AgentLevel.District, new Region(["gd", "dg", "songshan"]), Start));
        Run(new AppointAgent("a1", AgentLevel.Province, new Region(["gd"]), Start));
        // s0's cap table sums to 1 (it can settle); s1's does not (settling is refused).
        Run(new AddShareholder("s0", "hq", Rate.FromDecimal(0.51m), Money.Zero, false, Start));
        Run(new AddShareholder("s0", "m3", Rate.FromDecimal(0.49m), Money.FromYuan(32_800m), true, Start));
        Run(new AddShareholder("s1", "m4", Rate.FromDecimal(0.3m), Money.FromYuan(9_800m), true, Start));
        Run(new DefineCard("s0", "card", new MembershipCardTerms
        {
            Price = Money.FromYuan(99m), Discount = Rate.FromDecimal(0.2m), OpeningShoppingPoints = ShoppingPoints.FromValue(100m),
            SellerReward = Money.FromYuan(10m), DailySpecialPrice = Money.FromYuan(9.9m), FreeItemDays = 3,
        }, Start));

        var at = Start;
        foreach (var step in steps)
        {
            at = at.AddHours(1);
            var member = $"m{step.Member}";
            Command command = step.Kind switch
            {
                0 => new Consume(member, step.Other == 3 ? null : $"s{step.Other}", new Money(step.Amount), at),
                1 => new Sell(member, SellShare(engine, member, step.Amount), at),
                2 => new Bind(member, step.Other >= MemberCount ? $"p{step.Other - MemberCount}" : $"m{step.Other}", at),
                3 => new Subsidy(new Money(step.Amount), "round", at),
                4 => RedeemShare(engine, member, step.Amount, at),
                5 => new AddPartner($"s{step.Other}", member, at),
                6 => Settlement($"s{step.Other}", step.Amount == 0, at),
                7 => new RequestWithdrawal(member, $"w{step.Member}-{at.Ticks}", CashShare(engine, member, step.Amount), at),
                8 => new ReviewWithdrawal(PendingWithdrawal(engine, step.Other), step.Amount == 1, at),
                9 => new BuyCard(member, "card", null, at),
                10 => new Consume(member, "s0", new Money(step.Amount), at) { Benefit = (CheckoutBenefit)step.Other },
                11 => new TopUpDeposit($"s{step.Other}", new Money(step.Amount), at),
                12 => new Consume(member, $"s{step.Other}", new Money(step.Amount), at) { Payment = OrderPayment.OfflineTill },
                13 => new RequestStorePayout($"s{step.Other}", $"m{step.Other}", $"w-s{step.Other}-{at.Ticks}", StoreBalanceShare(engine, $"s{step.Other}", step.Amount), at),
                15 => new SettlePlatformShareholders(DateOnly.FromDateTime(at.UtcDateTime), DateOnly.FromDateTime(at.UtcDateTime), at),
                _ => new AddShareholder($"s{step.Other}", member, Rate.FromDecimal(0.01m), new Money(step.Amount), false, at) { Collected = true },
            };
            Run(command);
        }
        return applied;
    }

    /// <summary>A platform product whose price lets the member's shopping points pay up to 70%, using a share of them.</summary>
    private static BuyWithShoppingPoints RedeemShare(ValuePoolEngine engine, string member, long percent, DateTimeOffset at)
    {
        var held = engine.FindMember(member)?.ShoppingPoints ?? ShoppingPoints.Zero;
        var used = new ShoppingPoints(held.Units * percent / 100);
        return new BuyWithShoppingPoints(member, new Money(Math.Max(1, used.Units * 10 / 7 + 1)), used, at);
    }

    /// <summary>Settles the day's shareholders or the day's partners (a one-day period, so periods never overlap).</summary>
    private static Command Settlement(string store, bool shareholders, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return shareholders ? new SettleShareholders(store, day, at) : new SettlePartners(store, day, day, at);
    }

    private static Money StoreBalanceShare(ValuePoolEngine engine, string store, long percent) =>
        new(Math.Max(1, (engine.FindStore(store)?.Balance.Fen ?? 0) * percent / 100));

    private static Money CashShare(ValuePoolEngine engine, string member, long percent) =>
        new(Math.Max(1, (engine.FindMember(member)?.Cash.Fen ?? 0) * percent / 100));

    /// <summary>The n-th withdrawal ever requested (any status: reviewing a reviewed one must be refused).</summary>
    private static string PendingWithdrawal(ValuePoolEngine engine, int n) =>
        engine.Withdrawals().Skip(n).FirstOrDefault()?.Id ?? "none";

    private static Points SellShare(ValuePoolEngine engine, string member, long percent)
    {
        var held = engine.FindMember(member)?.Points ?? Points.Zero;
        return new Points(Math.Max(1, held.Units * percent / 100));
    }
}
