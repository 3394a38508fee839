using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>nvt's output where a shell script sends it: a file the shell writes to as well.</summary>
public sealed class ShellRedirectionTests : IDisposable
{
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public void QueryList_InAGroupRedirectedToAFile_KeepsTheLinesBeforeAndAfterIt()
    {
        string project = home.MakeDirectory("code/project");
        Assert.Equal(0, home.Run("add", "--", project).ExitCode);
        string file = Path.Combine(home.Root, "out.txt");

        // The shell opens the file once; every command in the group shares that descriptor and its offset.
        var result = ShellProcess.Run(home, "/usr/bin/bash", ["--noprofile", "--norc", "-c", $"{{ echo header; nvt query --list; echo trailer; }} > {TestShellSyntax.Quote(file)}"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"header\n{project}\ntrailer\n", File.ReadAllText(file));
    }
}
