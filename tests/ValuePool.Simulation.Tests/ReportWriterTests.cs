using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Reporting;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"valuepool-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private string WriteSmallReport()
    {
        var run = SimulationRunner.Run(SmallScenario.WithExits);
        return File.ReadAllText(ReportWriter.Write(run, SummaryBuilder.Build(run), _directory));
    }

    [Fact]
    public void Report_WritesEveryChart_AsPngFile_AndEmbedsItInTheHtml()
    {
        var html = WriteSmallReport();
        var pngs = Directory.GetFiles(_directory, "*.png");
        Assert.Equal(7, pngs.Length);
        foreach (var png in pngs)
        {
            Assert.Equal(PngSignature, File.ReadAllBytes(png)[..4]);
            Assert.Contains($"href=\"{Path.GetFileName(png)}\"", html);
        }
        Assert.Equal(7, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Report_SaysThePriceIsHistory_ChineseFirst()
    {
        var html = WriteSmallReport();
        var chinese = html.IndexOf("积分价格是历史记录，不是预测", StringComparison.Ordinal);
        var english = html.IndexOf("The point price is history, not a forecast", StringComparison.Ordinal);
        Assert.True(chinese >= 0 && english > chinese);
    }

    [Fact]
    public void Report_HasTheSummaryTable_WhoGainsSection_AndTheAudit()
    {
        var html = WriteSmallReport();
        Assert.Contains("Members who never exited within the horizon", html);
        Assert.Contains("期限内从未出局的会员", html);
        Assert.Contains("Who gains, who loses", html);
        Assert.Contains("entry-fee-province", html);
        Assert.True(File.Exists(Path.Combine(_directory, ReportWriter.SummaryFile)));
    }
}
