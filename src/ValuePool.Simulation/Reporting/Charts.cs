using ScottPlot;
using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Reporting;

/// <summary>
/// The report's charts, drawn with ScottPlot from the daily samples and member outcomes. Axis labels are
/// English only: the machine's fonts may lack Chinese glyphs, so Chinese lives in the HTML captions.
/// </summary>
public static class Charts
{
    private const int Width = 900;
    private const int Height = 420;
    /// <summary>Returned-per-yuan histogram: bins of 5 fen per yuan from 0 to 2 yuan; higher values go in the last bin.</summary>
    private const double ReturnBinWidth = 0.05;
    private const int ReturnBins = 40;

    public static IReadOnlyList<Chart> Draw(SimulationResult run, Summary summary) =>
    [
        Price(run),
        PoolAndPoints(run),
        ExitsPerDay(run),
        Returns(run),
        ExitWaits(run),
        CohortReturns(summary),
        MoneyFlows(run),
    ];

    private static Chart Price(SimulationResult run)
    {
        var plot = NewPlot("Point price (history, not a forecast)", "yuan per point");
        Line(plot, Days(run), run.Days.Select(d => (double)d.Price.Rounded()).ToArray(), "price");
        return Render(plot, "price.png", "积分价格（历史记录，不是预测）", "Point price (history, not a forecast)");
    }

    private static Chart PoolAndPoints(SimulationResult run)
    {
        var plot = NewPlot("Pool and circulating points", "pool (yuan)");
        Line(plot, Days(run), run.Days.Select(d => d.PoolFen / 100.0).ToArray(), "pool (yuan, left)");
        var points = Line(plot, Days(run), run.Days.Select(d => d.CirculatingPointUnits / 10_000.0).ToArray(), "circulating points (right)");
        points.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "points";
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, "pool-points.png", "增值池余额与流通积分", "Pool balance and circulating points");
    }

    private static Chart ExitsPerDay(SimulationResult run)
    {
        var plot = NewPlot("Forced exits and new members per day", "forced exits");
        var bars = plot.Add.Bars(Days(run), run.Days.Select(d => (double)d.ForcedExits).ToArray());
        bars.LegendText = "forced exits (left)";
        var arrivals = Line(plot, Days(run), run.Days.Select(d => (double)d.NewMembers).ToArray(), "new members (right)");
        arrivals.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "new members";
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, "exits.png", "每天强制出局人数与新会员人数", "Forced exits and new members per day");
    }

    private static Chart Returns(SimulationResult run)
    {
        var counts = new double[ReturnBins];
        foreach (ref readonly var member in run.Members.All)
            counts[Math.Min((int)(member.ReturnedPerYuan / ReturnBinWidth), ReturnBins - 1)]++;
        var share = counts.Select(c => run.Members.Count == 0 ? 0 : 100 * c / run.Members.Count).ToArray();
        var plot = NewPlot("What members got back per yuan spent (cash + sale value of points held)", "% of members");
        plot.XLabel("yuan back per yuan spent (last bar: 1.95 or more)");
        Histogram(plot, ReturnBinWidth, share);
        var breakEven = plot.Add.VerticalLine(1.0);
        breakEven.LegendText = "got back what they spent";
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, "returns.png", "每消费 1 元拿回多少（现金 + 所持积分的可卖价值）：会员分布",
            "Distribution of what members got back per yuan spent (cash + sale value of points held)");
    }

    private static Chart ExitWaits(SimulationResult run)
    {
        const int daysPerBin = 7;
        var histogram = run.ExitWaitDaysHistogram;
        var weeks = new double[(histogram.Count + daysPerBin - 1) / daysPerBin];
        for (var day = 0; day < histogram.Count; day++) weeks[day / daysPerBin] += histogram[day];
        var plot = NewPlot("How long members waited for a forced exit", "forced exits");
        plot.XLabel("days from the first order of the cycle to the exit");
        Histogram(plot, daysPerBin, weeks);
        return Render(plot, "exit-waits.png", "从本轮首次消费到强制出局等了多少天", "Days from a cycle's first order to its forced exit");
    }

    private static Chart CohortReturns(Summary summary)
    {
        var plot = NewPlot("Early vs late members: median yuan back per yuan spent", "yuan back per yuan spent (median)");
        var positions = Enumerable.Range(0, summary.Cohorts.Count).Select(i => (double)i).ToArray();
        plot.Add.Bars(positions, summary.Cohorts.Select(c => c.ReturnedPerYuanMedian).ToArray());
        var labels = summary.Cohorts.Select((c, i) => $"{(i + 1) * 20}% (days {c.FirstDay}-{c.LastDay})").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.XLabel("arrival cohort: first 20% of members to arrive ... last 20%");
        plot.Add.HorizontalLine(1.0);
        return Render(plot, "cohorts.png", "先来与后到：各批会员每消费 1 元拿回的中位数", "Early vs late members: median yuan back per yuan spent, by arrival");
    }

    private static Chart MoneyFlows(SimulationResult run)
    {
        var plot = NewPlot("Where the money went (cumulative)", "yuan");
        Line(plot, Days(run), Cumulative(run, d => d.ConsumedFen), "members spent");
        Line(plot, Days(run), Cumulative(run, d => d.ForcedExitPaidFen + d.SalePaidFen), "paid from the pool to members");
        Line(plot, Days(run), run.Days.Select(d => d.PlatformRevenueFen / 100.0).ToArray(), "platform revenue");
        Line(plot, Days(run), Cumulative(run, d => d.RewardsPaidFen), "rewards paid");
        Line(plot, Days(run), Cumulative(run, d => d.SubsidyFen), "subsidies into the pool");
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, "money.png", "资金去向（累计）", "Where the money went (cumulative)");
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("day");
        plot.YLabel(yLabel);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = legend;
        line.LineWidth = 2;
        return line;
    }

    /// <summary>Bars of width <paramref name="binWidth"/> starting at 0, touching each other.</summary>
    private static void Histogram(Plot plot, double binWidth, double[] values)
    {
        var bars = plot.Add.Bars(values.Select((_, i) => (i + 0.5) * binWidth).ToArray(), values);
        foreach (var bar in bars.Bars) bar.Size = binWidth;
        plot.Axes.Margins(bottom: 0);
    }

    private static double[] Days(SimulationResult run) => run.Days.Select(d => (double)d.Day).ToArray();

    private static double[] Cumulative(SimulationResult run, Func<DailySample, long> fen)
    {
        var sums = new double[run.Days.Count];
        long total = 0;
        for (var i = 0; i < sums.Length; i++) sums[i] = (total += fen(run.Days[i])) / 100.0;
        return sums;
    }

    private static Chart Render(Plot plot, string fileName, string captionZh, string captionEn) =>
        new(fileName, plot.GetImageBytes(Width, Height, ImageFormat.Png), captionZh, captionEn);
}
