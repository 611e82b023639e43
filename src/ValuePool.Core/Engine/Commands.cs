using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>
/// Everything that changes the engine's state. A command carries its own time: the engine never
/// reads a clock, so applying the same commands always gives the same state.
/// </summary>
public abstract record Command(DateTimeOffset At);

/// <summary>Replace the configuration; only before the first order.</summary>
public sealed record Configure(EngineConfig Config, DateTimeOffset At) : Command(At);

/// <summary>
/// A completed order (MODEL.md §2). <paramref name="Store"/> null = a platform product (自营).
/// At a store where the member holds a valid card, <see cref="Benefit"/> may ask for the card's pricing.
/// </summary>
public sealed record Consume(string Member, string? Store, Money Amount, DateTimeOffset At) : Command(At)
{
    /// <summary>Who holds the payment: the platform (online, the default) or the merchant (an offline till sale).</summary>
    public OrderPayment Payment { get; init; } = OrderPayment.Online;
    public CheckoutBenefit Benefit { get; init; } = CheckoutBenefit.None;
    /// <summary>The product's own rates, if it overrides the configuration's; refused outside its limits.</summary>
    public OrderRates? Rates { get; init; }
    /// <summary>
    /// The engine's index for <see cref="Member"/> when the edge resolved it (<see cref="ValuePoolEngine.MemberIndexOf"/>), else −1,
    /// with <see cref="Member"/> then the engine's own id string (<see cref="ValuePoolEngine.MemberIdAt"/>). It spares the single
    /// writer the id lookup; the engine uses it only if that member's record holds this very string and looks the id up otherwise,
    /// so a stale or wrong index can never book the order to someone else. Not part of the command: never journaled.
    /// </summary>
    public int MemberIndex { get; init; } = -1;
}

/// <summary>A member sells appreciation points for wallet cash.</summary>
public sealed record Sell(string Member, Points Points, DateTimeOffset At) : Command(At);

/// <summary>Money put into the pool by the platform (融资补贴), with where it came from.</summary>
public sealed record Subsidy(Money Amount, string Source, DateTimeOffset At) : Command(At);

/// <summary>A store joins the platform, in a region, brought by a recruiter (招商).</summary>
public sealed record RegisterStore(string Id, string Owner, string? Recruiter, Region Region, DateTimeOffset At) : Command(At)
{
    public StoreTerms Terms { get; init; } = StoreTerms.Default;
}

/// <summary>A member buys a region as its agent; the fee is the configured one for the level.</summary>
public sealed record AppointAgent(string Member, AgentLevel Level, Region Region, DateTimeOffset At) : Command(At);

/// <summary>A member arrived through <paramref name="Referrer"/>'s QR code or share link.</summary>
public sealed record Bind(string Member, string Referrer, DateTimeOffset At) : Command(At);

/// <summary>A platform product paid partly with shopping points (MODEL.md §4); no appreciation points.</summary>
public sealed record BuyWithShoppingPoints(string Member, Money Amount, ShoppingPoints ShoppingPoints, DateTimeOffset At) : Command(At);

/// <summary>Shopping-point lots older than the expiry are removed: the daily settlement of <paramref name="Day"/>.</summary>
public sealed record ExpireShoppingPoints(DateOnly Day, DateTimeOffset At) : Command(At);

/// <summary>A member becomes a store partner (门店合伙人) by buying its designated product.</summary>
public sealed record AddPartner(string Store, string Member, DateTimeOffset At) : Command(At);

/// <summary>A line of a store's cap table (门店股东). Shares may not exceed 1 in total.</summary>
public sealed record AddShareholder(string Store, string Member, Rate Share, Money Invested, bool Initiator, DateTimeOffset At) : Command(At)
{
    /// <summary>
    /// True when the platform collected <see cref="Invested"/> (the investor paid through the provider): it is then
    /// booked into the store's balance. False: the investment was settled outside the platform and is only recorded.
    /// </summary>
    public bool Collected { get; init; }
}

/// <summary>A merchant tops up the store's prepaid deposit (商家预存让利款), paid through the provider.</summary>
public sealed record TopUpDeposit(string Store, Money Amount, DateTimeOffset At) : Command(At);

/// <summary>Pays a store's shareholders their dividends for <paramref name="Day"/>; settling a day twice changes nothing.</summary>
public sealed record SettleShareholders(string Store, DateOnly Day, DateTimeOffset At) : Command(At);

/// <summary>Pays a store's partner dividend pool for the inclusive period; the same period twice changes nothing.</summary>
public sealed record SettlePartners(string Store, DateOnly From, DateOnly To, DateTimeOffset At) : Command(At);

/// <summary>
/// Splits the platform shareholders' weighted dividend (股东加权分红, MODEL.md §3b) for the inclusive period among the members at
/// the top level; the same period twice changes nothing, one overlapping another is refused.
/// </summary>
public sealed record SettlePlatformShareholders(DateOnly From, DateOnly To, DateTimeOffset At) : Command(At);

/// <summary>A member asks to withdraw wallet cash (提现); the cash waits for review under <paramref name="Id"/>.</summary>
public sealed record RequestWithdrawal(string Member, string Id, Money Amount, DateTimeOffset At) : Command(At);

/// <summary>
/// The store's merchant (<paramref name="Member"/>, its owner) asks to be paid <paramref name="Amount"/> of the store's
/// balance; it waits for the same review as a member's withdrawal, under <paramref name="Id"/>.
/// </summary>
public sealed record RequestStorePayout(string Store, string Member, string Id, Money Amount, DateTimeOffset At) : Command(At);

/// <summary>Finance approves (pays, less the fee) or rejects (returns the cash) a pending withdrawal or store payout.</summary>
public sealed record ReviewWithdrawal(string Id, bool Approve, DateTimeOffset At) : Command(At);

/// <summary>
/// An approved withdrawal or store payout whose transfer the payment provider reported failed: nothing reached the payee, so its
/// whole amount, the fee included, goes back where it came from (the wallet or the store's balance), once.
/// </summary>
public sealed record ReturnFailedPayout(string Id, DateTimeOffset At) : Command(At);

/// <summary>A store defines a membership card (会员卡).</summary>
public sealed record DefineCard(string Store, string Card, MembershipCardTerms Terms, DateTimeOffset At) : Command(At);

/// <summary>A member buys a card; <paramref name="Seller"/> (else the member's referrer) earns the card's seller reward.</summary>
public sealed record BuyCard(string Member, string Card, string? Seller, DateTimeOffset At) : Command(At);
