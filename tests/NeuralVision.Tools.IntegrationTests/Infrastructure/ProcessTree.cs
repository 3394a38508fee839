using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>Processes as /proc shows them: start times, parents, descendants; signals by pid or process group.</summary>
public static class ProcessTree
{
    public readonly record struct Stat(int Pid, char State, int ParentPid, int ProcessGroup, long StartTime);

    /// <summary>This process (the test host), for the owner record of a run directory.</summary>
    public static ProcessMark Self => Mark(Environment.ProcessId) ?? throw new InvalidOperationException("cannot read /proc/self/stat");

    public static ProcessMark? Mark(int pid) => Read(pid) is { } stat ? new ProcessMark(pid, stat.StartTime) : null;

    /// <summary>/proc/PID/stat, or null when there is no such process.</summary>
    public static Stat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces and ')': the fields after it start after
        // the last ')'. Then: 3 state, 4 ppid, 5 pgrp, ..., 22 starttime.
        int close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        string[] rest = text[(close + 2)..].Split(' ');
        return rest.Length > 19
            ? new Stat(pid, rest[0][0], int.Parse(rest[1], CultureInfo.InvariantCulture), int.Parse(rest[2], CultureInfo.InvariantCulture), long.Parse(rest[19], CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Every living descendant of <paramref name="pid"/> (children, their children, …), found by parent pid.</summary>
    public static IReadOnlyList<ProcessMark> Descendants(int pid)
    {
        var all = new List<Stat>();
        foreach (string entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out int candidate) && Read(candidate) is { } stat)
            {
                all.Add(stat);
            }
        }

        var found = new List<ProcessMark>();
        var parents = new Queue<int>([pid]);
        while (parents.Count > 0)
        {
            int parent = parents.Dequeue();
            foreach (var child in all.Where(s => s.ParentPid == parent && s.State != 'Z'))
            {
                found.Add(new ProcessMark(child.Pid, child.StartTime));
                parents.Enqueue(child.Pid);
            }
        }

        return found;
    }

    /// <summary>
    /// Sends SIGNAL (a name such as TERM or KILL) with kill(1); a negative target is a process group. False when no
    /// process got it (already gone).
    /// </summary>
    public static bool Signal(int target, string signal)
    {
        var result = ChildProcess.Run("kill", ["-s", signal, "--", target.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(10));
        return result.ExitCode == 0;
    }

    /// <summary>Waits (bounded) until none of the processes runs; true when they all ended in time.</summary>
    public static bool WaitUntilGone(IEnumerable<ProcessMark> processes, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var list = processes.ToList();
        while (list.Any(p => p.IsRunning))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
