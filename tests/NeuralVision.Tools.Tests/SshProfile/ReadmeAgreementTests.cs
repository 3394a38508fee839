using System.CommandLine;
using NeuralVision.Tools.SshProfile.Commands;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>
/// The README's option tables of `nvt ssh` and `nvt profiles create` list what the command tree (and so --help and
/// the manual pages) has, and the exit codes of `profiles create` are the same in its help notes and the README.
/// </summary>
public sealed class ReadmeAgreementTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryFiles.Readme);

    [Fact]
    public void Ssh_EveryOptionHasAReadmeRow()
    {
        foreach (var option in SshCommand.Options)
        {
            Assert.Contains($"| `{option.Name}", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ProfilesCreate_EveryOptionHasAReadmeRowAndTheHeadingNamesIt()
    {
        using var context = new TestContext();
        var create = NvtCli.Build(context).Subcommands.Single(c => c.Name == "profiles").Subcommands.Single(c => c.Name == "create");
        string heading = Readme.Split('\n').Single(line => line.StartsWith("### `nvt profiles create", StringComparison.Ordinal));

        foreach (var option in create.Options.Where(o => !o.Name.StartsWith("-h", StringComparison.Ordinal) && o.Name != "--help"))
        {
            Assert.Contains($"| `{option.Name}", Readme, StringComparison.Ordinal);
            Assert.Contains(option.Name, heading, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ProfilesCreate_ExitCodes_SameInHelpAndReadme()
    {
        Assert.Contains("1 NAME.profile or NAME.colorscheme exists", ProfilesCreateCommand.HelpNotes.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("1 `NAME.profile` or `NAME.colorscheme` exists", Readme.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
