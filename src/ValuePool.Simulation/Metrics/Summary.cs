using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;

namespace ValuePool.Simulation.Metrics;

/// <summary>
/// The plain numbers at the top of the report. Money as <see cref="Money"/>, shares as fractions in
/// [0, 1]. "Returned per yuan" = cash paid from the pool + what the points still held would pay if sold
/// at the final price, divided by what the member spent; the goods bought are not counted.
/// </summary>
public sealed record Summary
{
    public required string Scenario { get; init; }
    public required long Seed { get; init; }
    public required int Days { get; init; }
    public required long Orders { get; init; }
    public required int Members { get; init; }
    public required Money Consumed { get; init; }
    public required Money PoolContributions { get; init; }
    public required Money Subsidies { get; init; }
    public required Money ForcedExitPaid { get; init; }
    public required Money SalePaid { get; init; }
    /// <summary>Everything paid out of the pool to members: voluntary sales and forced exits.</summary>
    public required Money PaidFromPool { get; init; }
    public required Money PoolLeft { get; init; }
    /// <summary>What all points still held would pay if sold at the final price.</summary>
    public required Money HeldSaleValue { get; init; }
    public required Points CirculatingPoints { get; init; }
    public required PointPrice FirstDayPrice { get; init; }
    public required PointPrice FinalPrice { get; init; }
    public required Money PlatformRevenue { get; init; }
    public required Money AgentFees { get; init; }
    public required Money RewardsPaid { get; init; }
    public required Money RewardsToMembers { get; init; }
    public required Money StoreSales { get; init; }
    public required long ForcedExits { get; init; }
    public required double ExitedShare { get; init; }
    public required double NeverExitedShare { get; init; }
    public required double EarlySellerShare { get; init; }
    public required int ExitWaitDaysMedian { get; init; }
    public required int ExitWaitDaysP90 { get; init; }
    public required double ReturnedPerYuanP10 { get; init; }
    public required double ReturnedPerYuanMedian { get; init; }
    public required double ReturnedPerYuanP90 { get; init; }
    /// <summary>All members together: (paid from pool + held sale value) / consumed.</summary>
    public required double ReturnedPerYuanPooled { get; init; }
    /// <summary>Share of members whose cash + points value reached what they spent.</summary>
    public required double BrokeEvenShare { get; init; }
    public required IReadOnlyList<Cohort> Cohorts { get; init; }
    public required IReadOnlyList<AuditFinding> Audit { get; init; }
    /// <summary>Who earned what from the distribution modes; null without levels.</summary>
    public ModeSummary? Modes { get; init; }
}
