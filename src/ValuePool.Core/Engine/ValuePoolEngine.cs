using System.Diagnostics;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>
/// The single writer: applies commands one at a time, in memory, deterministically. Each accepted
/// command becomes one balanced transaction in <see cref="Ledger"/>; a refused command changes
/// nothing. Not thread-safe by design: one thread owns the engine (docs/ARCHITECTURE.md).
/// </summary>
public sealed partial class ValuePoolEngine : IEngineView
{
    private readonly MemberBook _members = new();
    private readonly StoreBook _stores = new();
    private readonly RegionBook _regions = new();
    private readonly ExitQueue _exitQueue;
    private readonly ShoppingLots _shoppingLots;
    private readonly ShoppingLotExpiries _expiries = new();
    private readonly MembershipCards _cards = new();

    public ValuePoolEngine(EngineConfig? config = null)
    {
        Config = config ?? EngineConfig.Default;
        var problems = ConfigValidation.Problems(Config);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(config));
        Ledger = new Balances(_members);
        Outcome = new CommandOutcome(Ledger);
        _shoppingLots = new ShoppingLots(_members);
        _exitQueue = new ExitQueue(CompareExitPricesExactly);
        if (Config.HasLevels) _modes = new MemberModes();
    }

    public EngineConfig Config { get; private set; }
    public Balances Ledger { get; }

    /// <summary>The current point price as its exact fraction; while no points circulate, the last one (initially 100 fen per 10,000 units).</summary>
    public PointPrice Price { get; private set; } = PointPrice.Initial;
    public long Orders { get; private set; }
    /// <summary>The result and domain events of the last command applied; valid until the next.</summary>
    public CommandOutcome Outcome { get; }

    public Money Pool => new(Ledger[Account.Pool]);
    public Points CirculatingPoints => new(-Ledger[Account.PointsIssuer]);
    public Money PlatformRevenue => new(Ledger[Account.PlatformRevenue]);

    /// <summary>
    /// Applies one command: its result, and on acceptance its transaction in <see cref="Balances.CurrentTransaction"/>.
    /// Every input is answered with a result, never an exception (MODEL.md §8): a command that is not sound changes nothing.
    /// </summary>
    public CommandResult Apply(Command command)
    {
        Ledger.BeginTransaction();
        Outcome.Begin();
        var result = command switch
        {
            Consume c => Apply(c),
            Sell s => Apply(s),
            Subsidy s => Apply(s),
            Bind b => Apply(b),
            RegisterStore r => Apply(r),
            AppointAgent a => Apply(a),
            Configure c => Apply(c),
            BuyWithShoppingPoints b => Apply(b),
            ExpireShoppingPoints e => Apply(e),
            AddPartner p => Apply(p),
            AddShareholder s => Apply(s),
            SettleShareholders s => Apply(s),
            SettlePartners s => Apply(s),
            SettlePlatformShareholders s => Apply(s),
            DefineCard d => Apply(d),
            BuyCard b => Apply(b),
            RequestWithdrawal w => Apply(w),
            ReviewWithdrawal w => Apply(w),
            ReturnFailedPayout r => Apply(r),
            TopUpDeposit t => Apply(t),
            RequestStorePayout p => Apply(p),
            _ => CommandResult.UnknownCommand,
        };
        if (result == CommandResult.Ok) ProcessDueExits();
        Outcome.End(result);
        return result;
    }

    /// <summary>Applies <paramref name="command"/> and returns what it did: its result and its domain events.</summary>
    public CommandOutcome Execute(Command command)
    {
        Apply(command);
        return Outcome;
    }

    /// <summary>Every credit of cash to a member that is not the proceeds of their own points goes through here.</summary>
    private void CreditMember(Account from, int member, Money amount, TransferKind kind)
    {
        Ledger.Post(from, Account.MemberCash(member), amount.Fen, kind);
        Outcome.Add(new CashCredited(member, kind, amount));
    }

    private CommandResult Apply(Configure command)
    {
        if (Orders > 0) return CommandResult.ConfigAfterFirstOrder;
        if (command.Config is null || ConfigValidation.Problems(command.Config).Count > 0) return CommandResult.InvalidConfig;
        Config = command.Config;
        // Before the first order the modes hold no team spend yet; without levels they are dropped, so nothing reports them.
        _modes = Config.HasLevels ? _modes ?? new MemberModes() : null;
        return CommandResult.Ok;
    }

    /// <summary>Ids of members, stores, cards and withdrawals: non-empty and short, so no input can bloat the state.</summary>
    public const int IdLengthMax = 128;

    private static bool IsValidId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= IdLengthMax;

    /// <summary>A single amount must be above zero and at most <see cref="EngineConfig.AmountMax"/>.</summary>
    private CommandResult? AmountProblem(Money amount) =>
        amount <= Money.Zero ? CommandResult.AmountNotPositive : amount > Config.AmountMax ? CommandResult.AmountAboveMaximum : null;

    /// <summary>A financing round is larger than any single order: a subsidy may be up to a thousand times <see cref="EngineConfig.AmountMax"/>.</summary>
    private const int SubsidyToAmountMax = 1000;

    private CommandResult Apply(Subsidy command)
    {
        if (command.Amount <= Money.Zero) return CommandResult.AmountNotPositive;
        if (command.Amount.Fen > Config.AmountMax.Fen * SubsidyToAmountMax) return CommandResult.AmountAboveMaximum;
        if (command.Source is null || command.Source.Length > IdLengthMax) return CommandResult.InvalidId;
        Ledger.Post(new Account(AccountKind.Financing), Account.Pool, command.Amount.Fen, TransferKind.Subsidy);
        Outcome.Add(new SubsidyInjected(command.Amount));
        UpdatePrice();
        return CommandResult.Ok;
    }

    /// <summary>The calendar day (UTC) of a command: store revenue, settlements and lots count in days.</summary>
    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>Recomputes the price after the pool or the points changed. It can only rise.</summary>
    private void UpdatePrice()
    {
        var points = CirculatingPoints;
        if (points == Points.Zero) return;
        var price = PointPrice.Of(Pool, points);
        Debug.Assert(price >= Price, $"price fell from {Price} to {price}");
        Price = price;
    }
}
