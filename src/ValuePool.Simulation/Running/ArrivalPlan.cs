using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Running;

/// <summary>
/// How many new members arrive on each day: the growth curve's cumulative share, rounded, so the
/// counts add up to exactly <see cref="Growth.Members"/> when growth never stops. Not random:
/// the curve is the scenario's assumption, chance enters only in what members do.
/// </summary>
public static class ArrivalPlan
{
    /// <summary>Steepness of the logistic S-curve; 10 puts 1% of arrivals in the first tenth of the period.</summary>
    private const double LogisticSteepness = 10;

    public static int[] PerDay(Growth growth, int days)
    {
        var arrivalDays = Math.Min(growth.ArrivalDays ?? days, days);
        var arrivals = new int[days];
        for (var day = 0; day < arrivalDays; day++)
        {
            if (day >= growth.StopsOnDay) break;
            var before = (long)Math.Round(growth.Members * CumulativeShare(growth.Shape, (double)day / arrivalDays));
            var after = (long)Math.Round(growth.Members * CumulativeShare(growth.Shape, (double)(day + 1) / arrivalDays));
            arrivals[day] = (int)(after - before);
        }
        return arrivals;
    }

    /// <summary>Share of all arrivals that happened by time <paramref name="t"/> ∈ [0, 1] of the arrival period.</summary>
    public static double CumulativeShare(GrowthShape shape, double t) => shape switch
    {
        GrowthShape.Constant => t,
        GrowthShape.Accelerating => t * t,
        _ => (Sigmoid(LogisticSteepness * (t - 0.5)) - Sigmoid(-LogisticSteepness / 2))
             / (Sigmoid(LogisticSteepness / 2) - Sigmoid(-LogisticSteepness / 2)),
    };

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
