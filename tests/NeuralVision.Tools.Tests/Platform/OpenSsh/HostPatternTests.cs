using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Tests.Platform.OpenSsh;

public class HostPatternTests
{
    [Theory]
    [InlineData("puffin", "puffin", true)]
    [InlineData("puffin", "PUFFIN", true)]
    [InlineData("puffin", "puffin2", false)]
    [InlineData("*.prod.example.com", "db1.prod.example.com", true)]
    [InlineData("*.prod.example.com", "a.b.prod.example.com", true)]
    [InlineData("*.prod.example.com", "prod.example.com", false)]
    [InlineData("web?", "web1", true)]
    [InlineData("web?", "web", false)]
    [InlineData("web?", "web12", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("10.0.0.*", "10.0.0.7", true)]
    [InlineData("bob@*", "bob@puffin", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void IsMatch(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, HostPattern.IsMatch(pattern, text));
    }

    [Fact]
    public void IsMatch_ManyStars_StaysFast()
    {
        string pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        string text = new('a', 5000);

        Assert.False(HostPattern.IsMatch(pattern, text));
    }
}
