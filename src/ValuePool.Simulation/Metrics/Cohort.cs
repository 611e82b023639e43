namespace ValuePool.Simulation.Metrics;

/// <summary>
/// Members who arrived between <see cref="FirstDay"/> and <see cref="LastDay"/>: how much of their spending
/// came back (cash + sale value of points held, per yuan) and how many have exited at least once.
/// </summary>
public sealed record Cohort(
    int FirstDay,
    int LastDay,
    int Members,
    long SpentFen,
    double ReturnedPerYuanP10,
    double ReturnedPerYuanMedian,
    double ReturnedPerYuanP90,
    double ReturnedPerYuanPooled,
    double ExitedShare);
