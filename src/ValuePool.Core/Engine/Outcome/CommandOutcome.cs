using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// The typed outcome of the last command: its result and the domain events it caused, valid until the engine applies
/// the next one (the lists are reused, so an order allocates nothing). What each command can cause:
/// <list type="table">
/// <item><term><see cref="Consume"/></term><description><see cref="Orders"/> (one), <see cref="Mints"/>, <see cref="Credits"/> (rewards),
/// and, when a store's revenue pays its debts, <see cref="Credits"/>; then forced exits.</description></item>
/// <item><term><see cref="Sell"/></term><description><see cref="Sales"/>; then forced exits.</description></item>
/// <item><term>any accepted command</term><description><see cref="Exits"/>: the forced exits it made due, lowest exit price first.</description></item>
/// <item><term><see cref="BuyWithShoppingPoints"/></term><description><see cref="Credits"/> (the referrer's reward; store rebates may pay store debts).</description></item>
/// <item><term><see cref="SettleShareholders"/>, <see cref="SettlePartners"/>, <see cref="BuyCard"/>, <see cref="Bind"/></term>
/// <description><see cref="Credits"/> paid from the store's balance (dividends, initiator bonus, card seller and partner referral
/// rewards), <see cref="Owed"/> for what it could not cover.</description></item>
/// <item><term><see cref="Consume"/> with levels</term><description><see cref="ModeRewards"/>: differential and peer rewards, offline or in wallets.</description></item>
/// <item><term><see cref="SettlePlatformShareholders"/></term><description><see cref="ModeRewards"/> (and <see cref="Credits"/> in wallet settlement).</description></item>
/// <item><term><see cref="TopUpDeposit"/></term><description><see cref="Deposits"/>.</description></item>
/// <item><term><see cref="Subsidy"/></term><description><see cref="Subsidies"/>.</description></item>
/// <item><term>every command</term><description><see cref="Transfers"/>: the balanced transaction the journal digests.</description></item>
/// </list>
/// Commands not listed (stores, agents, partners, shareholders, cards, withdrawals, configuration, expiry) change state and
/// transfers only. A refused command has no events and no transfers.
/// </summary>
public sealed class CommandOutcome
{
    private readonly List<OrderBooked> _orders = [];
    private readonly List<PointsMinted> _mints = [];
    private readonly List<CashCredited> _credits = [];
    private readonly List<PointsSold> _sales = [];
    private readonly List<ForcedExit> _exits = [];
    private readonly List<PayoutOwed> _owed = [];
    private readonly List<DepositToppedUp> _deposits = [];
    private readonly List<SubsidyInjected> _subsidies = [];
    private readonly List<ModeRewardEarned> _modeRewards = [];
    private readonly Balances _ledger;

    internal CommandOutcome(Balances ledger) => _ledger = ledger;

    public CommandResult Result { get; private set; }
    public IReadOnlyList<OrderBooked> Orders => _orders;
    public IReadOnlyList<PointsMinted> Mints => _mints;
    public IReadOnlyList<CashCredited> Credits => _credits;
    public IReadOnlyList<PointsSold> Sales => _sales;
    public IReadOnlyList<ForcedExit> Exits => _exits;
    public IReadOnlyList<PayoutOwed> Owed => _owed;
    public IReadOnlyList<DepositToppedUp> Deposits => _deposits;
    public IReadOnlyList<SubsidyInjected> Subsidies => _subsidies;
    public IReadOnlyList<ModeRewardEarned> ModeRewards => _modeRewards;
    public IReadOnlyList<Transfer> Transfers => _ledger.CurrentTransaction;

    internal void Begin()
    {
        _orders.Clear();
        _mints.Clear();
        _credits.Clear();
        _sales.Clear();
        _exits.Clear();
        _owed.Clear();
        _deposits.Clear();
        _subsidies.Clear();
        _modeRewards.Clear();
    }

    /// <summary>Sets the result; a refusal keeps no events (the engine changed nothing).</summary>
    internal void End(CommandResult result)
    {
        Result = result;
        if (!result.IsAccepted()) Begin();
    }

    internal void Add(in OrderBooked order) => _orders.Add(order);
    internal void Add(in PointsMinted mint) { if (mint.Points.Units > 0) _mints.Add(mint); }
    internal void Add(in CashCredited credit) { if (credit.Amount.Fen > 0) _credits.Add(credit); }
    internal void Add(in PointsSold sale) => _sales.Add(sale);
    internal void Add(in ForcedExit exit) => _exits.Add(exit);
    internal void Add(in PayoutOwed owed) => _owed.Add(owed);
    internal void Add(in DepositToppedUp deposit) => _deposits.Add(deposit);
    internal void Add(in SubsidyInjected subsidy) => _subsidies.Add(subsidy);
    internal void Add(in ModeRewardEarned reward) { if (reward.Amount.Fen > 0) _modeRewards.Add(reward); }
}
