using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Konsole;

/// <summary>
/// The fixture cleans up after itself and after a run that crashed, and ends only what it started. (Each test has a
/// Konsole, or a stand-in of a crashed run, of its own.)
/// </summary>
public sealed class RealKonsoleLifecycleTests(ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task RealKonsole_Dispose_EndsEverythingItStartedAndRemovesItsDirectory()
    {
        var konsole = await RealKonsole.StartAsync();
        string display, root = konsole.Root;
        ProcessMark job;
        IReadOnlyList<ProcessMark> started;
        try
        {
            output.WriteLine("start: " + konsole.StartReport);
            display = konsole.Display;
            started = konsole.Processes;

            // A job the tab's shell started and disowned: SIGHUP from the closing tab does not reach it.
            string pidFile = Path.Combine(root, "job.pid");
            Assert.Equal(0, await konsole.RunAndWaitAsync($"sleep 300 & disown; echo $! > '{pidFile}.tmp'; mv '{pidFile}.tmp' '{pidFile}'"));
            int pid = int.Parse((await konsole.WaitForFileAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
            job = ProcessTree.Mark(pid) ?? throw new InvalidOperationException("the tab's sleep is not running");
            Assert.Equal(4, started.Count);
            Assert.All(started, p => Assert.True(p.IsRunning, $"{p} should run before Dispose"));
        }
        catch
        {
            konsole.Dispose();
            throw;
        }

        konsole.Dispose();

        Assert.All(started.Append(job), p => Assert.False(p.IsRunning, $"{p} still runs after Dispose"));
        Assert.False(Directory.Exists(root), root + " is left");
        // Xvfb ended with SIGTERM removes its socket. (With -displayfd it writes no lock file; a socket left by a killed
        // server only makes the next one skip that display number.)
        Assert.False(File.Exists("/tmp/.X11-unix/X" + display.TrimStart(':')), "the X socket of " + display + " is left");
    }

    [Fact]
    public void RunDirectory_OfACrashedRun_IsEndedAndRemovedButALivingRunIsNot()
    {
        // A crashed run: its owner (a test host) is gone, its process is still there, and so is its bus socket.
        string crashed = Directory.CreateTempSubdirectory(RunDirectory.Prefix).FullName;
        string living = Directory.CreateTempSubdirectory(RunDirectory.Prefix).FullName;
        string unowned = Directory.CreateTempSubdirectory(RunDirectory.Prefix).FullName;
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };
        using var leftover = OwnedProcess.Start("sleep", ["300"], environment, "/");
        using var unrelated = OwnedProcess.Start("sleep", ["301"], environment, "/");
        try
        {
            File.WriteAllText(Path.Combine(crashed, "owner"), DeadProcess() + "\n");
            File.WriteAllText(Path.Combine(crashed, "processes"), $"{leftover.Mark} group\n");
            File.WriteAllText(Path.Combine(crashed, "bus"), "");

            // A run of a living test host (this one), e.g. a parallel test class: left alone, processes and all.
            File.WriteAllText(Path.Combine(living, "owner"), ProcessTree.Self + "\n");
            File.WriteAllText(Path.Combine(living, "processes"), $"{unrelated.Mark} group\n");

            // No owner yet: it may be a directory another run is creating right now.
            RunDirectory.RemoveStale();

            // (A fixture starting in a parallel test class may have done the removal first.)
            Assert.False(Directory.Exists(crashed), crashed + " is left");
            Assert.True(ProcessTree.WaitUntilGone([leftover.Mark], TimeSpan.FromSeconds(10)), "the crashed run's process still runs");
            Assert.True(Directory.Exists(living));
            Assert.True(unrelated.Mark.IsRunning, "a living run's process was ended");
            Assert.True(Directory.Exists(unowned));
        }
        finally
        {
            Directory.Delete(living, recursive: true);
            Directory.Delete(unowned, recursive: true);
            if (Directory.Exists(crashed))
            {
                Directory.Delete(crashed, recursive: true);
            }
        }
    }

    /// <summary>The mark of a process that has ended: a pid that was real, with a start time it never had.</summary>
    private static ProcessMark DeadProcess()
    {
        using var ended = System.Diagnostics.Process.Start("true");
        ended.WaitForExit();
        return new ProcessMark(ended.Id, 1);
    }
}
