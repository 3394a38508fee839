using NeuralVision.Tools.Jump.Shell;

namespace NeuralVision.Tools.Tests.Jump.Shell;

public class ShellScriptsTests
{
    [Theory]
    [InlineData(ShellKind.Bash, "../../shell/nvt.bash")]
    [InlineData(ShellKind.Zsh, "../../shell/nvt.zsh")]
    [InlineData(ShellKind.Fish, "../../shell/nvt.fish")]
    [InlineData(ShellKind.Posix, "../../shell/nvt.sh")]
    public void Render_IsAPreambleFollowedByTheUnchangedScript(ShellKind shell, string relativeFile)
    {
        string file = Path.Combine(RepositoryRoot(), relativeFile.Replace("../../", "", StringComparison.Ordinal));

        string rendered = ShellScripts.Render(new InitOptions(shell, "j", HookMode.Prompt));

        Assert.EndsWith(File.ReadAllText(file), rendered, StringComparison.Ordinal);
        string preamble = rendered[..^File.ReadAllText(file).Length];
        Assert.Equal(3, preamble.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("'j'", preamble, StringComparison.Ordinal);
        Assert.Contains("'prompt'", preamble, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ShellKind.Bash, "__nvt_cmd=''\n__nvt_hook_mode='none'\n")]
    [InlineData(ShellKind.Fish, "set -g __nvt_cmd ''\nset -g __nvt_hook_mode 'none'\n")]
    public void Render_NoCommand_SetsAnEmptyName(ShellKind shell, string expectedPreamble)
    {
        Assert.Contains(expectedPreamble, ShellScripts.Render(new InitOptions(shell, null, HookMode.None)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z", true)]
    [InlineData("j", true)]
    [InlineData("_go2", true)]
    [InlineData("", false)]
    [InlineData("2go", false)]
    [InlineData("a;b", false)]
    [InlineData("a b", false)]
    [InlineData("a'b", false)]
    [InlineData("a-b", false)]
    [InlineData("é", false)]
    public void IsValidCommandName_AcceptsOnlyPlainNames(string name, bool expected)
    {
        Assert.Equal(expected, ShellScripts.IsValidCommandName(name));
    }

    [Fact]
    public void Render_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ShellScripts.Render(new InitOptions(ShellKind.Bash, "x;rm", HookMode.Pwd)));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NeuralVision.Tools.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root");
    }
}
