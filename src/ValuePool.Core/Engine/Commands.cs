using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Core.Engine;

/// <summary>
/// Everything that changes the engine's state. A command carries its own time: the engine never
/// reads a clock, so applying the same commands always gives the same state.
/// </summary>
public abstract record Command(DateTimeOffset At);

/// <summary>Replace the configuration; only before the first order.</summary>
public sealed record Configure(EngineConfig Config, DateTimeOffset At) : Command(At);

/// <summary>A completed order (MODEL.md §2). <paramref name="Store"/> null = a platform product (自营).</summary>
public sealed record Consume(string Member, string? Store, Money Amount, DateTimeOffset At) : Command(At);

/// <summary>A member sells appreciation points for wallet cash.</summary>
public sealed record Sell(string Member, Points Points, DateTimeOffset At) : Command(At);

/// <summary>Money put into the pool by the platform (融资补贴), with where it came from.</summary>
public sealed record Subsidy(Money Amount, string Source, DateTimeOffset At) : Command(At);

/// <summary>A store joins the platform, in a region, brought by a recruiter (招商).</summary>
public sealed record RegisterStore(string Id, string Owner, string? Recruiter, Region Region, DateTimeOffset At) : Command(At);

/// <summary>A member buys a region as its agent; the fee is the configured one for the level.</summary>
public sealed record AppointAgent(string Member, AgentLevel Level, Region Region, DateTimeOffset At) : Command(At);

/// <summary>A member arrived through <paramref name="Referrer"/>'s QR code or share link.</summary>
public sealed record Bind(string Member, string Referrer, DateTimeOffset At) : Command(At);
