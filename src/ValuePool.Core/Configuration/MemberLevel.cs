using ValuePool.Core.Amounts;

namespace ValuePool.Core.Configuration;

/// <summary>
/// A member level (会员等级): reached once the member's team spend (their own and their whole downline's completed
/// orders) reaches <see cref="TeamSpend"/>; <see cref="Rate"/> is what the multi-level differential pays the level.
/// </summary>
public sealed record MemberLevel(string Name, Money TeamSpend, Rate Rate);
