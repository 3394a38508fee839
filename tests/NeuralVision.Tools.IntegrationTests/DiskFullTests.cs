using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests;

/// <summary>
/// A full disk under the data directory (a small tmpfs, unmounted after): queries answer from what is committed, the
/// journal keeps the visits it holds, and once there is room again the next command folds them. Needs root (mount).
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public void FullDisk_QueriesAnswerFromTheDatabase_AndTheJournalIsFoldedOnceThereIsRoom()
    {
        if (!TempHome.IsRoot)
        {
            return; // mounting a tmpfs needs root; CI runs as root
        }

        using var home = new TempHome();
        Directory.CreateDirectory(home.DataDirectory);
        Run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", home.DataDirectory);
        try
        {
            var kept = Enumerable.Range(0, 5).Select(i => home.MakeDirectory($"kept{i}")).ToList();
            foreach (string dir in kept)
            {
                Assert.Equal(0, home.Run("add", "--", dir).ExitCode);
            }

            string late = home.MakeDirectory("late");
            File.WriteAllText(Path.Combine(home.DataDirectory, "journal"), "\0" + $"1700000000 d {late}\0\n");
            string filler = Path.Combine(home.DataDirectory, "filler");
            Run("dd", "if=/dev/zero", $"of={filler}", "bs=4k", "count=1024");

            var list = home.Run("list");
            Assert.Equal(0, list.ExitCode);
            Assert.Equal(kept.Order(StringComparer.Ordinal), list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
            Assert.Equal(0, home.Run("add", "--", home.MakeDirectory("silent")).ExitCode);

            File.Delete(filler);
            Assert.Contains(late, home.Run("list").Stdout.Split('\n'));
        }
        finally
        {
            Run("umount", home.DataDirectory);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        // dd stops with ENOSPC when the disk is full: that is the point.
        Assert.True(process.ExitCode == 0 || program == "dd", $"{program} failed: {process.StandardError.ReadToEnd()}");
    }
}
