using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

public sealed class ProfileNameTests
{
    [Theory]
    [InlineData("Puffin")]
    [InlineData("Prod DB (eu-1)")]
    [InlineData("nvt-2b1b1b")]
    [InlineData("Mööwe")]
    public void Check_UsableNames(string name)
    {
        Assert.Equal(name, ProfileName.Check(name));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("a/b", "contains '/'")]
    [InlineData("/etc/passwd", "contains '/'")]
    [InlineData("..", "contains '..'")]
    [InlineData("a..b", "contains '..'")]
    [InlineData("a\nb", "contains a control character")]
    [InlineData("a\u001bb", "contains a control character")]
    [InlineData(".hidden", "starts with '.'")]
    public void Check_RefusedNames_SayWhy(string name, string why)
    {
        var error = Assert.Throws<NvtException>(() => ProfileName.Check(name));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Error, error.ExitCode);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }
}
