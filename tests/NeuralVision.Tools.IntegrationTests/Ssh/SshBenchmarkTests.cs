using System.Diagnostics;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// What `nvt ssh` adds around ssh with a Konsole to talk to: from nvt's start to ssh's start (D-Bus connect,
/// profileList, profile, setProfile, profile, fork/exec) and from ssh's exit to nvt's exit (setProfile back). The
/// target is 20 ms each. This is a measurement, not a timed assertion (timings depend on the machine's load): it checks
/// that every run switched and restored, and prints the figures; bench/ssh-bench.sh runs it and reports them.
/// </summary>
public sealed class SshBenchmarkTests(ITestOutputHelper log)
{
    private const int Runs = 15;

    [Fact]
    public async Task Ssh_RepeatedSessions_SwitchAndRestoreEachTime_AndReportTheOverhead()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig("[ssh.profiles]\n\"puffin\" = \"Puffin\"\n");
        var before = new List<double>();
        var after = new List<double>();
        for (int i = 0; i < Runs; i++)
        {
            var start = new ProcessStartInfo(NvtBinary.Path, ["ssh", "puffin"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardErrorEncoding = Encoding.UTF8,
                WorkingDirectory = bed.Home.Home,
            };
            start.Environment.Clear();
            start.Environment["HOME"] = bed.Home.Home;
            foreach (var (name, value) in bed.Home.Variables)
            {
                start.Environment[name] = value;
            }

            long launched = Microseconds();
            using var nvt = Process.Start(start)!;
            nvt.WaitForExit();
            long exited = Microseconds();
            Assert.Equal(0, nvt.ExitCode);
            var (sshStarted, sshExiting) = bed.SshTimes();
            before.Add((sshStarted - launched) / 1000.0);
            after.Add((exited - sshExiting) / 1000.0);
        }

        double medianBefore = Median(before), medianAfter = Median(after);
        log.WriteLine($"start -> ssh started: median {medianBefore:0.0} ms, min {before.Min():0.0} ms (includes bash starting the stand-in ssh)");
        log.WriteLine($"ssh exiting -> nvt exited: median {medianAfter:0.0} ms, min {after.Min():0.0} ms");
        Assert.Equal(Runs * 2, bed.Konsole!.SetProfileCalls.Count);
    }

    private static long Microseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
