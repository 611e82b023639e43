using ValuePool.Core.Amounts;

namespace ValuePool.Core.Tests.Amounts;

public class MoneyTests
{
    [Theory]
    [InlineData("1000.00", 100000)]
    [InlineData("0.01", 1)]
    [InlineData("12", 1200)]
    [InlineData("12.5", 1250)]
    public void ParsesDecimalStrings(string text, long fen)
    {
        Assert.True(AmountText.TryParseMoney(text, out var money, out _));
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-5")]
    [InlineData("1.001")]
    [InlineData("1e3")]
    [InlineData(" 1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,000")]
    [InlineData("")]
    [InlineData("10000000000.01")]
    public void RefusesMalformedOrOutOfRangeAmounts(string text)
    {
        Assert.False(AmountText.TryParseMoney(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("1,000", AmountTextProblem.NotDecimal, "\"1,000\" is not a decimal amount")]
    [InlineData("1.001", AmountTextProblem.TooManyDecimals, "\"1.001\" has more than 2 decimals")]
    [InlineData("1234567890123", AmountTextProblem.TooManyDigits, "\"1234567890123\" has more than 12 digits before the point")]
    [InlineData("0.00", AmountTextProblem.NotPositive, "the amount must be above zero")]
    [InlineData("10000000000.01", AmountTextProblem.AboveMaximum, "the amount is above the maximum 10000000000.00")]
    [InlineData("12.30", AmountTextProblem.None, "")]
    public void TheReasonForARefusedAmount_IsAValue_AndItsEnglishStays(string text, AmountTextProblem reason, string english)
    {
        Assert.Equal(reason, AmountText.ReadMoney(text, out _));
        Assert.Equal(reason == AmountTextProblem.None, AmountText.TryParseMoney(text, out _, out var error));
        Assert.Equal(english, error);
    }

    [Fact]
    public void FormatsTwoDecimals() => Assert.Equal("960.22", new Money(96022).ToString());

    [Fact]
    public void ShareRoundsDown() => Assert.Equal(new Money(33), new Money(333).Share(Rate.Percent(10)));

    [Fact]
    public void ShareOfShareRoundsOnce() =>
        // 0.16 · 0.70 · ¥1000 = ¥112.00; rounding 0.16·A first would be the same here, but not for ¥0.07.
        Assert.Equal(new Money(11200), new Money(100000).Share(Rate.Percent(16), Rate.Percent(70)));

    [Fact]
    public void PointsFormatFourDecimals() => Assert.Equal("66.6400", new Points(666400).ToString());

    [Fact]
    public void PointsRefuseFiveDecimals() => Assert.False(AmountText.TryParsePoints("1.00001", out _, out _));
}
