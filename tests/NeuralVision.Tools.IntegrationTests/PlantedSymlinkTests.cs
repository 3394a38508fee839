using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>
/// Root's nvt (`sudo -E`, a shared HOME) in a user's data directory full of planted symbolic links: nothing it points to
/// may be truncated, appended to or opened for writing. Run as root (the CI machine runs the suite as root); the data
/// directory belongs to nobody, as a user's would.
/// </summary>
public sealed class PlantedSymlinkTests
{
    private static readonly string[] Planted = ["journal", "journal.1", "nvt.db-pending", "nvt.db-journal", "nvt.db"];

    [Fact]
    public void RootsNvt_InAUsersDataDirectoryWithPlantedLinks_LeavesTheTargetsAlone()
    {
        if (!TempHome.IsRoot)
        {
            return; // needs root to own the target and chown the data directory; CI runs as root
        }

        using var home = new TempHome();
        string target = Path.Combine(home.Root, "precious");
        File.WriteAllText(target, "root's file\n");
        var before = (File.ReadAllText(target), File.GetLastWriteTimeUtc(target));
        Directory.CreateDirectory(home.DataDirectory);
        foreach (string name in Planted)
        {
            File.CreateSymbolicLink(Path.Combine(home.DataDirectory, name), target);
        }

        Chown(home.DataDirectory, "nobody");
        string dir = home.MakeDirectory("some/dir");

        Assert.Equal(0, home.Run("add", "--", dir).ExitCode);
        Assert.Equal(0, home.Run("fold").ExitCode);
        var query = home.Run("query", "dir");
        Assert.Equal(2, query.ExitCode);
        Assert.Contains("cannot use the database", query.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, home.Run("list").ExitCode);
        Assert.Equal(2, home.Run("stats").ExitCode);

        Assert.Equal(before, (File.ReadAllText(target), File.GetLastWriteTimeUtc(target)));
        Assert.All(Planted, name => Assert.NotNull(new FileInfo(Path.Combine(home.DataDirectory, name)).LinkTarget));
    }

    [Fact]
    public void OwnDataDirectory_PlantedJournalLink_IsIgnoredAndTheTargetUntouched()
    {
        using var home = new TempHome();
        string target = Path.Combine(home.Root, "elsewhere");
        File.WriteAllText(target, "\0" + "1700000000 d /etc\0\n");
        Directory.CreateDirectory(home.DataDirectory);
        File.CreateSymbolicLink(Path.Combine(home.DataDirectory, "journal"), target);
        string dir = home.MakeDirectory("real");

        Assert.Equal(0, home.Run("add", "--", dir).ExitCode);
        var list = home.Run("list");

        Assert.Equal(dir + "\n", list.Stdout);
        Assert.Equal("\0" + "1700000000 d /etc\0\n", File.ReadAllText(target));
    }

    private static void Chown(string path, string user)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", "-h", user, path])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
