namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>What `z` says in a real shell when there is nothing to jump to (zoxide #458, #1003).</summary>
public sealed class ShellMessagesTests
{
    public static TheoryData<TestShell> Shells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish, TestShell.Posix];

    [Theory]
    [MemberData(nameof(Shells))]
    public void Z_OnlyMatchIsTheCurrentDirectory_SaysAlreadyThere(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string project = shell.Home.MakeDirectory("work/neural-project");
        shell.Cd(project);
        shell.Cd(shell.Home.Home);
        shell.Cd(project);

        Assert.Equal([$"nvt: already in {project}, the only match"], shell.Run("z neural"));
        Assert.Equal(1, shell.Status());
        Assert.Equal(project, shell.Pwd());
    }
}
