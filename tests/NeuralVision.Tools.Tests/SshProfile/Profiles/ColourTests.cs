using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

public sealed class ColourTests
{
    [Theory]
    [InlineData("#2b1b1b", "#2b1b1b")]
    [InlineData("#2B1B1B", "#2b1b1b")]
    [InlineData("#abc", "#aabbcc")]
    public void TryParse_AcceptedForms(string text, string expected)
    {
        Assert.Equal(expected, Colour.TryParse(text)!.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2b1b1b")]
    [InlineData("#2b1b1")]
    [InlineData("#2b1b1bff")]
    [InlineData("#gggggg")]
    [InlineData("red")]
    [InlineData("43,27,27")]
    public void TryParse_OtherForms_AreNull(string text)
    {
        Assert.Null(Colour.TryParse(text));
    }

    [Fact]
    public void Konsole_IsDecimalCommaSeparatedBothWays()
    {
        var colour = new Colour(43, 27, 27);

        Assert.Equal("43,27,27", colour.ToKonsole());
        Assert.Equal(colour, Colour.TryParseKonsole("43,27,27"));
        Assert.Equal(colour, Colour.TryParseKonsole("43, 27, 27, 255"));
        Assert.Null(Colour.TryParseKonsole("43,27"));
    }

    [Fact]
    public void ContrastWith_IsWcag()
    {
        var black = new Colour(0, 0, 0);
        var white = new Colour(255, 255, 255);

        Assert.Equal(21, black.ContrastWith(white), 2);
        Assert.Equal(1, white.ContrastWith(white), 2);
        // Breeze's text on Breeze's background.
        Assert.Equal(14.9, new Colour(252, 252, 252).ContrastWith(new Colour(35, 38, 39)), 1);
    }

    [Theory]
    [InlineData(0, "#ff0000")]
    [InlineData(120, "#00ff00")]
    [InlineData(240, "#0000ff")]
    [InlineData(300, "#ff00ff")]
    public void FromHsl_PrimaryHues(double hue, string expected)
    {
        Assert.Equal(expected, Colour.FromHsl(hue, 1, 0.5).ToString());
    }
}
