using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

public sealed class AutoBackgroundTests
{
    private static readonly Colour Breeze = new(252, 252, 252);

    [Fact]
    public void For_SameNameAnyCase_SameColour()
    {
        Assert.Equal(AutoBackground.For("puffin", Breeze), AutoBackground.For("PUFFIN", Breeze));
        Assert.NotEqual(AutoBackground.For("puffin", Breeze).Background, AutoBackground.For("gull", Breeze).Background);
    }

    [Fact]
    public void For_KnownName_GivesAFixedColour()
    {
        // Fixed for ever: users learn their hosts' colours, so the hash and the palette must not drift.
        var auto = AutoBackground.For("puffin", Breeze);

        Assert.Equal(auto.Background, Colour.FromHsl(auto.Hue, 0.45, 0.17));
        Assert.InRange(auto.Hue, 0, 359);
    }

    [Theory]
    [InlineData("#fcfcfc")]
    [InlineData("#c0c0c0")]
    [InlineData("#ffffff")]
    [InlineData("#aaaaaa")]
    public void For_ManyHosts_DarkAndReadable(string foreground)
    {
        var fg = Colour.TryParse(foreground)!.Value;
        foreach (string host in Enumerable.Range(0, 500).Select(i => $"host{i}.example.com"))
        {
            var auto = AutoBackground.For(host, fg);
            Assert.True(auto.Contrast >= AutoBackground.MinimumContrast, $"{host}: {auto}");
            Assert.True(auto.Background.Luminance < 0.05, $"{host}: {auto.Background} is not dark");
        }
    }

    [Fact]
    public void For_DarkForeground_GivesALightTint()
    {
        var auto = AutoBackground.For("puffin", new Colour(0x23, 0x26, 0x27));

        Assert.True(auto.Background.Luminance > 0.5, auto.ToString());
        Assert.True(auto.Contrast >= AutoBackground.MinimumContrast);
    }

    [Fact]
    public void ProfileName_IsNvtAndTheColour()
    {
        Assert.Equal("nvt-2b1b1b", AutoBackground.ProfileName(new Colour(43, 27, 27)));
    }
}
