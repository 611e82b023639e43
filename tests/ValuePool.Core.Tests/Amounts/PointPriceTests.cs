using ValuePool.Core.Amounts;

namespace ValuePool.Core.Tests.Amounts;

/// <summary>The price as docs/MODEL.md's exact fraction: integer rules, exact order, display only when shown.</summary>
public class PointPriceTests
{
    private static readonly PointPrice AfterOrder1 = new(16_000, 1_120_000); // ¥160.00 for 112 points

    [Fact]
    public void MintsFloorOfValueTimesUnitsOverFen() =>
        // ⌊11200 · 1,120,000 / 16,000⌋ = 784,000: the seed vector's 78.4000, with no rounded quotient in between.
        Assert.Equal(new Points(784_000), AfterOrder1.PointsFor(new Money(11_200)));

    [Fact]
    public void ValueIsFloorOfUnitsTimesFenOverUnits()
    {
        Assert.Equal(new Money(14), AfterOrder1.ValueOf(new Points(1_000)));      // 0.1 point = ¥0.142857… → ¥0.14
        Assert.Equal(new Money(11), AfterOrder1.ValueOf(new Points(1_000), Rate.Percent(80))); // ⌊0.114285…⌋, rounded once
    }

    [Fact]
    public void SalePayout_RoundsOnce_NotAfterTheGross()
    {
        // 7 units at 1 fen per 10 units: gross ⌊0.7⌋ = 0, payout 80% of it 0; 70 units: gross 7 fen, payout ⌊5.6⌋ = 5.
        var price = new PointPrice(1, 10);
        Assert.Equal(new Money(5), price.ValueOf(new Points(70), Rate.Percent(80)));
        // 13 units at 1 fen per 2 units: gross ⌊6.5⌋ = 6; payout ⌊13 · 0.8 / 2⌋ = ⌊5.2⌋ = 5, not ⌊6 · 0.8⌋ = 4.
        Assert.Equal(new Money(5), new PointPrice(1, 2).ValueOf(new Points(13), Rate.Percent(80)));
    }

    [Fact]
    public void ComparesAsFractions_WhateverThePair()
    {
        Assert.Equal(new PointPrice(1, 2), new PointPrice(2, 4));
        Assert.Equal(new PointPrice(1, 2).GetHashCode(), new PointPrice(2, 4).GetHashCode());
        // 1 + 1/(10^12 − 1) against 1 + 10^-12: the same double, different fractions.
        Assert.True(new PointPrice(1_000_000_000_000, 999_999_999_999) > new PointPrice(1_000_000_000_001, 1_000_000_000_000));
        Assert.True(new PointPrice(48_000, 2_570_400) > new PointPrice(32_000, 1_904_000));
    }

    [Theory]
    [InlineData(16_000, 1_120_000, "1.4286")]   // 1.428571…
    [InlineData(48_000, 2_570_400, "1.8674")]   // 1.867413…
    [InlineData(100, 10_000, "1.0000")]
    [InlineData(1, 2_000_000, "0.0001")]        // 0.00005: half rounds up
    [InlineData(1, 2_000_001, "0.0000")]        // just below half
    public void DisplaysFourDecimalsHalfUp(long poolFen, long pointsUnits, string shown) =>
        Assert.Equal(shown, new PointPrice(poolFen, pointsUnits).ToString());

    [Fact]
    public void FractionTextRoundTrips()
    {
        Assert.Equal("48000/2570400", new PointPrice(48_000, 2_570_400).ToFractionString());
        var parsed = PointPrice.ParseFraction("48000/2570400");
        Assert.Equal((48_000L, 2_570_400L), (parsed.PoolFen, parsed.PointsUnits));
    }

    [Fact]
    public void InitialIsOneYuanPerPoint() => Assert.Equal((100L, 10_000L, "1.0000"), (PointPrice.Initial.PoolFen, PointPrice.Initial.PointsUnits, PointPrice.Initial.ToString()));
}
