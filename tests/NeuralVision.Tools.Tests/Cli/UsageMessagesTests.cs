using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Cli;

/// <summary>Messages a person can act on: bare nvt, a mistyped command, a jump whose only match is where you are.</summary>
public sealed class UsageMessagesTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Fact]
    public void BareNvt_PrintsTheUsageWithTheCommands_AndExitsTwo()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run([]));
        string usage = nvt.Error.ToString();
        Assert.Contains("Usage:", usage, StringComparison.Ordinal);
        foreach (string command in new[] { "add", "query", "import", "keys", "ssh", "profiles", "fasd" })
        {
            Assert.Matches(@"(?m)^\s+" + command + @"\b", usage);
        }

        Assert.DoesNotContain("Required command", usage, StringComparison.Ordinal);
        Assert.Equal("", nvt.Output.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("keys", "--help")]
    [InlineData("query", "--help")]
    public void Help_GoesToStdoutWithStatusZero(params string[] args)
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run(args));
        Assert.Contains("Usage:", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", nvt.Error.ToString());
    }

    [Fact]
    public void SshHelp_NamesTheConfigurationFileAndShowsAMapping()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("ssh", "--help"));
        string help = nvt.Output.ToString();
        Assert.Contains("~/.config/nvt/config.toml", help, StringComparison.Ordinal);
        Assert.Contains("[ssh.profiles]", help, StringComparison.Ordinal);
        Assert.Contains("\"puffin\" = \"Puffin\"", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_WithoutAConfigurationFile_SaysSoAndPrintsAnExample()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("profiles"));
        string output = nvt.Output.ToString();
        Assert.Contains($"Host mappings: none, {nvt.Home}/.config/nvt/config.toml does not exist. To start, write it with:", output, StringComparison.Ordinal);
        Assert.Contains("[ssh.profiles]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BareGroup_PrintsItsUsage()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("keys"));
        Assert.Contains(" keys [command] [options]", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+gen\b", nvt.Error.ToString());
    }

    [Theory]
    [InlineData(new[] { "qurey" }, "nvt: unknown command 'qurey' (did you mean 'query'?)")]
    [InlineData(new[] { "quer", "x" }, "nvt: unknown command 'quer' (did you mean 'query'?)")]
    [InlineData(new[] { "imprt" }, "nvt: unknown command 'imprt' (did you mean 'import'?)")]
    [InlineData(new[] { "keys", "gne" }, "nvt: unknown command 'keys gne' (did you mean 'keys gen'?)")]
    [InlineData(new[] { "xyzzy" }, "nvt: unknown command 'xyzzy' (see 'nvt --help')")]
    [InlineData(new[] { "keys", "xyzzy" }, "nvt: unknown command 'keys xyzzy' (see 'nvt keys --help')")]
    public void MistypedCommand_NamesItAndTheClosest(string[] args, string message)
    {
        Assert.Equal(ExitCodes.Error, nvt.Run(args));
        Assert.Equal(message + "\n", nvt.Error.ToString());
    }

    [Fact]
    public void Query_OnlyMatchIsTheCurrentDirectory_SaysSo()
    {
        string project = nvt.MakeDirectory("src/neural-project");
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", project));
        nvt.CurrentDirectory = project;

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--exclude", project, "--", "neural"));
        Assert.Equal($"nvt: already in {project}, the only match\n", nvt.Error.ToString());

        nvt.CurrentDirectory = nvt.Home;
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--exclude", project, "--", "neural"));
        Assert.Equal($"nvt: the only match, {project}, is excluded (--exclude)\n", nvt.Error.ToString());

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--exclude", project, "--", "elsewhere"));
        Assert.Equal("nvt: no match found\n", nvt.Error.ToString());
    }

    [Fact]
    public void SuggestDirective_StillCompletes()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("[suggest:7]", "nvt que"));
        Assert.Contains("query", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qurey", "query", 1)]
    [InlineData("gen", "gen", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsASwapAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, UnknownCommand.Distance(a, b));
    }
}
