using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

public class FrecencyTests
{
    private const long Now = 1_700_000_000;

    [Theory]
    [InlineData(0, 40)] // just visited
    [InlineData(3599, 40)]
    [InlineData(3600, 20)] // one hour
    [InlineData(86_399, 20)]
    [InlineData(86_400, 5)] // one day
    [InlineData(604_799, 5)]
    [InlineData(604_800, 2.5)] // one week
    [InlineData(100_000_000, 2.5)]
    public void Score_ByAge_UsesZoxideFactors(long ageSeconds, double expected)
    {
        Assert.Equal(expected, Frecency.Score(10, Now - ageSeconds, Now));
    }

    [Fact]
    public void AgingFactor_BringsTotalToNinetyPercentOfMaximum()
    {
        double factor = Frecency.AgingFactor(rankSum: 12_000, maxAge: 10_000);
        Assert.Equal(9_000, 12_000 * factor, precision: 6);
    }
}
