using ValuePool.Simulation.Scenarios;

namespace ValuePool.Simulation.Running;

/// <summary>Draws order amounts in fen: log-normal around the median, cut to the scenario's bounds.</summary>
internal sealed class OrderAmountSampler(OrderAmounts amounts)
{
    private readonly double _medianFen = amounts.MedianYuan * 100;
    private readonly long _minFen = (long)Math.Ceiling(amounts.MinYuan * 100);
    private readonly long _maxFen = (long)Math.Floor(amounts.MaxYuan * 100);

    public long NextFen(SeededRandom random)
    {
        var fen = (long)Math.Round(_medianFen * Math.Exp(amounts.Spread * random.NextGaussian()));
        return Math.Clamp(fen, _minFen, _maxFen);
    }
}
