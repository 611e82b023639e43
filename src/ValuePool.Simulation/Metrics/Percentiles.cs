namespace ValuePool.Simulation.Metrics;

/// <summary>Nearest-rank percentiles of a sample that the caller has sorted.</summary>
public static class Percentiles
{
    public static double Of(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.IsEmpty) return 0;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The same for a histogram: <paramref name="counts"/>[v] values equal to v.</summary>
    public static int OfHistogram(IReadOnlyList<int> counts, double percent)
    {
        long total = 0;
        foreach (var count in counts) total += count;
        if (total == 0) return 0;
        var rank = (long)Math.Ceiling(percent / 100 * total);
        long seen = 0;
        for (var value = 0; value < counts.Count; value++)
        {
            seen += counts[value];
            if (seen >= Math.Max(rank, 1)) return value;
        }
        return counts.Count - 1;
    }
}
