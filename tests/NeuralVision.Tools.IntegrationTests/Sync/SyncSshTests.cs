using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// `nvt sync [user@]host` through the published binary against a real OpenSSH sshd with a throwaway user: a remote
/// without nvt is told how to get it, --install uploads this very binary to ~/.local/bin and syncs, and later syncs
/// send only what is new, so each visit is counted once on both sides.
/// </summary>
public sealed class SyncSshTests : IDisposable
{
    private readonly SyncSshBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void RemoteWithoutNvt_SaysHowToInstallIt_AndExitsOne()
    {
        string api = bed.Local.MakeDirectory("src/api");
        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        var listingBefore = bed.LocalRanks();

        var result = bed.Sync();

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.Contains(
            $"nvt: nvt is not installed on {bed.Destination} (not on PATH, not in ~/.local/bin); upload this one with: nvt sync -p {bed.Server.PortText} -o UserKnownHostsFile={bed.Server.KnownHosts} {bed.Destination} --install",
            result.Stderr.Split('\n'));
        Assert.Equal(listingBefore, bed.LocalRanks());
        Assert.False(File.Exists(bed.RemoteBinaryPath));
        Assert.False(File.Exists(bed.RemoteDatabasePath));
    }

    [Fact]
    public void Install_UploadsThisBinary_AndBothSidesEndWithTheSameRanksUnderTheirOwnHomes()
    {
        string api = bed.Local.MakeDirectory("src/api");
        string outside = Path.Combine(bed.Local.Root, "opt", "data");
        Directory.CreateDirectory(outside);
        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        Assert.Equal(0, bed.Local.Run("add", outside).ExitCode);

        var installed = bed.Sync("--install");

        Assert.True(installed.ExitCode == 0, installed.Stderr);
        Assert.Matches($"^synced with {bed.Destination}: 0 paths changed here; sent [0-9]+ bytes, received [0-9]+ bytes\n$", installed.Stdout);
        Assert.Contains("as ~/.local/bin/nvt on 127.0.0.1", installed.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(bed.RemoteBinaryPath), $"no {bed.RemoteBinaryPath}: {installed.Stderr}");
        Assert.Equal(File.ReadAllBytes(NvtBinary.Path), File.ReadAllBytes(bed.RemoteBinaryPath));
        Assert.Equal("755 " + bed.Server.UserName, Stat("%a %U", bed.RemoteBinaryPath));
        Assert.Equal(["nvt"], Directory.GetFiles(Path.GetDirectoryName(bed.RemoteBinaryPath)!).Select(Path.GetFileName));
        var remoteVersion = bed.RunRemoteNvt("--version");
        Assert.Equal((0, bed.Local.Run("--version").Stdout), (remoteVersion.ExitCode, remoteVersion.Stdout));
        Assert.Equal(
            Ranks((Path.Combine(bed.Server.Home, "src/api"), 2), (outside, 1)),
            bed.RemoteRanks());

        // A visit on the remote comes back to the local side, under the local home.
        string remoteOnly = bed.MakeRemoteDirectory("projects/remote-only");
        var remoteVisit = bed.RunRemoteNvt("add", remoteOnly);
        Assert.True(remoteVisit.ExitCode == 0, remoteVisit.Stderr);
        var back = bed.Sync();

        Assert.True(back.ExitCode == 0, back.Stderr);
        Assert.Matches($"^synced with {bed.Destination}: 1 path changed here; ", back.Stdout);
        Assert.Equal(
            Ranks((api, 2), (outside, 1), (Path.Combine(bed.Local.Home, "projects/remote-only"), 1)),
            bed.LocalRanks());
        Assert.Equal(
            Ranks((Path.Combine(bed.Server.Home, "src/api"), 2), (outside, 1), (remoteOnly, 1)),
            bed.RemoteRanks());
    }

    [Fact]
    public void NewLocalVisit_NextSyncSendsIt_AndTheRemoteRankGrowsByExactlyOne()
    {
        string api = bed.Local.MakeDirectory("src/api");
        string remoteApi = Path.Combine(bed.Server.Home, "src/api");
        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        var installed = bed.Sync("--install");
        Assert.True(installed.ExitCode == 0, installed.Stderr);
        Assert.Equal(Ranks((remoteApi, 1)), bed.RemoteRanks());

        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        var second = bed.Sync();
        var remoteAfterSecond = bed.RemoteRanks();
        var third = bed.Sync();

        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Matches($"^synced with {bed.Destination}: 0 paths changed here; sent [0-9]+ bytes, received [0-9]+ bytes\n$", second.Stdout);
        Assert.Equal(Ranks((remoteApi, 2)), remoteAfterSecond);
        Assert.True(third.ExitCode == 0, third.Stderr);
        Assert.Matches($"^synced with {bed.Destination}: 0 paths changed here; ", third.Stdout);
        Assert.Equal(Ranks((remoteApi, 2)), bed.RemoteRanks());
        Assert.Equal(Ranks((api, 2)), bed.LocalRanks());
    }

    private static SortedDictionary<string, double> Ranks(params (string Path, double Rank)[] entries)
    {
        var ranks = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (path, rank) in entries)
        {
            ranks.Add(path, rank);
        }

        return ranks;
    }

    private static string Stat(string format, string path)
    {
        var stat = ChildProcess.Run("stat", ["-c", format, path]);
        Assert.True(stat.ExitCode == 0, stat.Stderr);
        return stat.Stdout.TrimEnd('\n');
    }

    [Theory]
    [InlineData("exec cat /dev/zero")]
    [InlineData("printf 'NVTSYNC\\n'; exec yes")]
    [InlineData("echo 'Welcome to puffin!'; exec sleep 1")]
    public void RemoteThatAnswersSomethingElse_IsCutOffAtOnce_WithOneLine_AndNothingMerged(string remote)
    {
        string api = bed.Local.MakeDirectory("src/api");
        Assert.Equal(0, bed.Local.Run("add", api).ExitCode);
        var before = bed.LocalRanks();
        bed.PlantRemoteNvt("#!/bin/sh\n" + remote);

        var result = bed.Sync();

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"took {result.Elapsed}");
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"nvt: the sync with {bed.Destination} failed: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was merged here", line, StringComparison.Ordinal);
        Assert.Equal(before, bed.LocalRanks());
    }
}
