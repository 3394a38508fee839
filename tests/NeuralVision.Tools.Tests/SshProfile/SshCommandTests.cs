using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.SshProfile.Commands;

namespace NeuralVision.Tools.Tests.SshProfile;

public class SshCommandTests
{
    [Theory]
    [InlineData("ssh puffin", "puffin", null, false, false, false)]
    [InlineData("ssh --profile Danger --quiet puffin", "puffin", "Danger", false, true, false)]
    [InlineData("ssh --profile=Danger --dry-run -p 2222 puffin", "-p 2222 puffin", "Danger", false, false, true)]
    [InlineData("ssh --no-switch -- --quiet puffin", "--quiet puffin", null, true, false, false)]
    [InlineData("ssh puffin --quiet", "puffin --quiet", null, false, false, false)] // after ssh's first argument, all is ssh's
    [InlineData("ssh -v puffin -- ls -h", "-v puffin -- ls -h", null, false, false, false)]
    [InlineData("ssh @file", "@file", null, false, false, false)]
    public void TryParse(string commandLine, string sshArgs, string? profile, bool noSwitch, bool quiet, bool dryRun)
    {
        var request = SshCommand.TryParse(commandLine.Split(' '));

        Assert.NotNull(request);
        Assert.Equal(sshArgs.Split(' '), request.SshArgs);
        Assert.Equal((profile, noSwitch, quiet, dryRun), (request.Profile, request.NoSwitch, request.Quiet, request.DryRun));
    }

    [Theory]
    [InlineData("ssh --help")]
    [InlineData("ssh -h")]
    [InlineData("ssh --quiet -?")]
    [InlineData("query ssh")]
    public void TryParse_HelpAndOtherCommands_LeftToTheParser(string commandLine)
    {
        Assert.Null(SshCommand.TryParse(commandLine.Split(' ')));
    }

    [Theory]
    [InlineData("ssh --profile")]
    [InlineData("ssh --profile=")]
    [InlineData("ssh --qiuet puffin")]
    public void TryParse_BadNvtOptions_AreErrors(string commandLine)
    {
        Assert.Throws<NvtException>(() => SshCommand.TryParse(commandLine.Split(' ')));
    }

    [Fact]
    public void Help_ListsEveryOption()
    {
        using var context = new TestContext();

        int status = context.Run("ssh", "--help");

        Assert.Equal(0, status);
        foreach (string option in new[] { "--profile <NAME>", "--no-switch", "--quiet", "--dry-run", "--verbose" })
        {
            Assert.Contains(option, context.Output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_UnknownNvtOption_ExitsWithUsageError()
    {
        using var context = new TestContext();

        Assert.Throws<NvtException>(() => context.Run("ssh", "--bogus", "puffin"));
    }

    [Fact]
    public void SshRequest_Defaults()
    {
        var request = new SshRequest(["x"]);

        Assert.False(request.NoSwitch || request.Quiet || request.DryRun || request.Verbose);
    }
}
