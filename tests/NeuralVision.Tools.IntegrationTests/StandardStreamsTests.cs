using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>
/// The published nvt with its standard streams closed, full or gone: it never aborts, the exit status is the documented
/// one, and a closed descriptor is never reused for one of nvt's own files. The redirections are made by sh, as a user
/// types them.
/// </summary>
public sealed class StandardStreamsTests : IDisposable
{
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    [Theory]
    [InlineData("2>&-")]
    [InlineData("2>/dev/full")]
    [InlineData(">&- 2>&-")]
    [InlineData("<&-")]
    public void Query_NoMatch_WithStderrClosedOrFull_ExitsOne(string redirections)
    {
        var result = Sh($"\"$NVT\" query zzz {redirections}");
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(">/dev/full", "nvt: cannot write to standard output: No space left on device")]
    [InlineData(">&-", "nvt: cannot write to standard output: Bad file descriptor")]
    public void Query_AMatch_WithStdoutClosedOrFull_SaysSoAndExitsTwo(string redirection, string message)
    {
        string project = home.MakeDirectory("project");
        Assert.Equal(0, home.Run("add", project).ExitCode);

        var result = Sh($"\"$NVT\" query project {redirection}");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message + "\n", result.Stderr);
    }

    [Fact]
    public void Query_ListIntoAClosedPipe_EndsQuietlyWithZero()
    {
        for (int i = 0; i < 2000; i++)
        {
            home.MakeDirectory($"many/dir-{i}");
        }

        Assert.Equal(0, home.Run(["add", .. Enumerable.Range(0, 2000).Select(i => Path.Combine(home.Home, "many", $"dir-{i}"))]).ExitCode);
        var result = Sh("set -o pipefail; \"$NVT\" query --list dir | head -n 1 >/dev/null; echo \"status=$?\"", shell: "/bin/bash");
        Assert.Equal("", result.Stderr);
        Assert.Equal("status=0\n", result.Stdout);
    }

    [Fact]
    public void Add_WithStderrClosed_DoesNotWriteItsMessagesIntoItsOwnFiles()
    {
        string project = home.MakeDirectory("project");
        home.Variables["NVT_DEBUG"] = "1";
        var result = Sh($"\"$NVT\" add {project} /nonexistent 2>&-");
        Assert.Equal(0, result.ExitCode);
        foreach (string file in Directory.EnumerateFiles(home.DataDirectory))
        {
            Assert.DoesNotContain("nvt add:", File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.Equal(0, home.Run("query", "project").ExitCode);
    }

    [Fact]
    public void Import_UnreadableFile_IsOneSentenceWithoutResourceKeys()
    {
        string secret = Path.Combine(home.Root, "secret");
        File.WriteAllText(secret, "/x|1|1\n");
        File.SetUnixFileMode(secret, UnixFileMode.None);

        var result = home.RunAsNobody("import", "--from", "z", secret);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"nvt: cannot read {secret}: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Z][a-z]+_[A-Z][A-Za-z]+_", result.Stderr);
    }

    private ProcessResult Sh(string script, string shell = "/bin/sh")
    {
        var environment = new Dictionary<string, string>(home.Variables)
        {
            ["HOME"] = home.Home,
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["NVT"] = NvtBinary.Path,
        };
        return ChildProcess.Run(shell, ["-c", script], environment: environment, cleanEnvironment: true, workingDirectory: home.Home);
    }
}
