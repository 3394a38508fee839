using System.Diagnostics;
using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// The published nvt given what an attacker, a mistake or a broken account leaves where keys should be: FIFOs,
/// devices, directories, endless input, control characters in comments and file names, a missing HOME.
/// </summary>
public sealed class KeysHostileInputTests : IDisposable
{
    private readonly TempHome home = new();

    private string SshDirectory => Path.Combine(home.Home, ".ssh");

    public void Dispose() => home.Dispose();

    [Fact]
    public void List_AFifoNamedLikeAPublicKey_DoesNotHangAndTheOtherKeysAreListed()
    {
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase", "-C", "real").ExitCode);
        Assert.Equal(0, ChildProcess.Run("mkfifo", [Path.Combine(SshDirectory, "x.pub")]).ExitCode);

        var list = home.Run("keys", "list");

        Assert.Equal(2, list.ExitCode);
        Assert.True(list.Elapsed < TimeSpan.FromSeconds(5), $"keys list took {list.Elapsed}");
        Assert.Contains($"{SshDirectory}/id_ed25519.pub: 256 SHA256:", list.Stdout);
        Assert.Equal($"nvt: {SshDirectory}/x.pub is a FIFO, not a regular file\n", list.Stderr);
    }

    [Fact]
    public void Fingerprint_DevZero_IsRefusedAtOnceWithoutGrowingMemory()
    {
        var (exitCode, stderr, maxRssKilobytes, elapsed) = Measure("keys", "fingerprint", "/dev/zero");

        Assert.Equal(2, exitCode);
        Assert.Equal("nvt: /dev/zero is a character device, not a regular file\n", stderr);
        Assert.True(maxRssKilobytes < 100_000, $"max RSS {maxRssKilobytes} KB");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
    }

    [Fact]
    public void Fingerprint_StandardInputThatNeverEnds_StopsAtTheCap()
    {
        var (exitCode, stderr, maxRssKilobytes, elapsed) = Measure("keys", "fingerprint", "-", "<", "/dev/zero");

        Assert.Equal(2, exitCode);
        Assert.Equal("nvt: (stdin) is larger than 32 MiB, too large for what nvt reads there\n", stderr);
        Assert.True(maxRssKilobytes < 300_000, $"max RSS {maxRssKilobytes} KB");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void Fingerprint_AFifoOrADirectory_IsRefusedInASentence()
    {
        string fifo = Path.Combine(home.Root, "k.pub");
        Assert.Equal(0, ChildProcess.Run("mkfifo", [fifo]).ExitCode);

        var fromFifo = home.Run("keys", "fingerprint", fifo);
        var fromDirectory = home.Run("keys", "fingerprint", home.Root);

        Assert.Equal((2, $"nvt: {fifo} is a FIFO, not a regular file\n"), (fromFifo.ExitCode, fromFifo.Stderr));
        Assert.Equal((2, $"nvt: {home.Root} is a directory, not a regular file\n"), (fromDirectory.ExitCode, fromDirectory.Stderr));
    }

    [Fact]
    public void FingerprintAndList_ControlCharactersInCommentsAndNames_AreEscapedAsSshKeygenEscapesThem()
    {
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase", "-C", "red\u001b[31mALERT\u0007", "-f", Path.Combine(home.Root, "k")).ExitCode);
        Directory.CreateDirectory(SshDirectory);
        string hostileName = Path.Combine(SshDirectory, "evil\u001b]0;owned\u0007.pub");
        File.Copy(Path.Combine(home.Root, "k.pub"), hostileName);

        var fingerprint = home.Run("keys", "fingerprint", Path.Combine(home.Root, "k.pub"));
        var list = home.Run("keys", "list");

        Assert.Equal(SshKeygen.Output("-l", "-f", Path.Combine(home.Root, "k.pub")), fingerprint.Stdout);
        Assert.Contains(@"red\033[31mALERT\007 (ED25519)", fingerprint.Stdout, StringComparison.Ordinal);
        Assert.StartsWith($@"{SshDirectory}/evil\033]0;owned\007.pub: 256 SHA256:", list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', fingerprint.Stdout + list.Stdout);
    }

    [Fact]
    public void Gen_HomeMissing_RefusesAndCreatesNothing()
    {
        string missing = Path.Combine(home.Root, "gone");
        home.Variables["HOME"] = missing;

        var result = home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"nvt: the home directory {missing} (HOME) does not exist; nvt creates {missing}/.ssh in it, not the home itself\n", result.Stderr);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Gen_PubIsADirectory_IsRefusedBeforeThePrivateKeyIsReplaced()
    {
        string key = Path.Combine(home.Root, "k");
        File.WriteAllText(key, "keep me");
        Directory.CreateDirectory(key + ".pub");

        var result = home.Run("keys", "gen", "-t", "ed25519", "-f", key, "--no-passphrase", "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"nvt: {key}.pub is a directory, not a file; no key was written\n", result.Stderr);
        Assert.Equal("keep me", File.ReadAllText(key));
    }

    /// <summary>nvt under GNU time: exit code, stderr without time's line, maximum resident set size, wall time.</summary>
    private (int ExitCode, string Stderr, long MaxRssKilobytes, TimeSpan Elapsed) Measure(params string[] args)
    {
        string command = string.Join(' ', args.Select(arg => arg is "<" ? arg : $"'{arg}'"));
        var clock = Stopwatch.StartNew();
        var run = ChildProcess.Run(
            "sh",
            ["-c", $"exec /usr/bin/time -f 'maxrss=%M' '{NvtBinary.Path}' {command}"],
            environment: new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = home.Home },
            cleanEnvironment: true,
            timeout: TimeSpan.FromSeconds(30));
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string rss = lines.Last(line => line.StartsWith("maxrss=", StringComparison.Ordinal));
        string stderr = string.Concat(lines.Where(line => line != rss && !line.StartsWith("Command exited", StringComparison.Ordinal)).Select(line => line + "\n"));
        return (run.ExitCode, stderr, long.Parse(rss["maxrss=".Length..], CultureInfo.InvariantCulture), clock.Elapsed);
    }
}
