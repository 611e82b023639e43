using CsCheck;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Tests.Properties;

public class InvariantProperties
{
    [Fact]
    public void TheCheapInvariants_HoldAfterEveryCommand_AndAgreeWithTheFullSolvencyCheck() =>
        RandomCommands.Platform.Sample(platform =>
        {
            var engine = new ValuePoolEngine();
            var priceBefore = engine.Price;
            RandomCommands.Apply(engine, platform.Config, platform.Steps, (command, _) =>
            {
                Assert.Null(EngineInvariants.Problem(engine, priceBefore));
                Assert.True(Solvency.Of(engine.Ledger).Holds);
                priceBefore = engine.Price;
            });
        }, iter: 200);

    [Fact]
    public void AFallingPrice_IsReported()
    {
        var risen = new ValuePoolEngine();
        risen.Buy("m1", 1000m);
        Assert.Contains("fell", EngineInvariants.Problem(new ValuePoolEngine(), risen.Price));
    }
}
