using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A fixture's own temp directory, /tmp/nvt-konsole-XXXXXX, which records who owns it (the test host's pid and start
/// time, in "owner") and the processes started for it ("processes": pid, start time, and "group" when it leads its
/// own process group). A run that crashed (test host killed) leaves such a directory and maybe its processes; the next
/// <see cref="Create"/> ends those (by the recorded pid and start time only, so never a process that reused the pid)
/// and removes the directory. Directories of living owners, e.g. a parallel test run, are left alone.
/// </summary>
public sealed class RunDirectory
{
    public const string Prefix = "nvt-konsole-";
    private const string OwnerFile = "owner";
    private const string ProcessesFile = "processes";

    /// <summary>A directory without an owner file younger than this may be one being created right now.</summary>
    private static readonly TimeSpan CreationGrace = TimeSpan.FromMinutes(1);

    private static readonly Lock RecordLock = new();

    private RunDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static RunDirectory Create()
    {
        RemoveStale();
        string path = Directory.CreateTempSubdirectory(Prefix).FullName;
        File.WriteAllText(System.IO.Path.Combine(path, OwnerFile), ProcessTree.Self + "\n");
        return new RunDirectory(path);
    }

    /// <summary>Records a process started for this run, before anything else can go wrong.</summary>
    public void Record(ProcessMark process, bool leadsGroup)
    {
        lock (RecordLock)
        {
            File.AppendAllText(System.IO.Path.Combine(Path, ProcessesFile), $"{process}{(leadsGroup ? " group" : "")}\n");
        }
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Ends the recorded processes of every run directory whose owner is gone (SIGTERM, so Xvfb removes its display
    /// lock; SIGKILL after 3 s) and deletes the directory. Returns the directories removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale()
    {
        var removed = new List<string>();
        foreach (string directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            if (!IsStale(directory))
            {
                continue;
            }

            var processes = ReadProcesses(directory).Where(p => p.Process.IsRunning).ToList();
            foreach (var (process, leadsGroup) in processes)
            {
                ProcessTree.Signal(leadsGroup ? -process.Pid : process.Pid, "TERM");
            }

            if (!ProcessTree.WaitUntilGone(processes.Select(p => p.Process), TimeSpan.FromSeconds(3)))
            {
                foreach (var (process, leadsGroup) in processes.Where(p => p.Process.IsRunning))
                {
                    ProcessTree.Signal(leadsGroup ? -process.Pid : process.Pid, "KILL");
                }

                ProcessTree.WaitUntilGone(processes.Select(p => p.Process), TimeSpan.FromSeconds(3));
            }

            new RunDirectory(directory).Delete();
            if (!Directory.Exists(directory))
            {
                removed.Add(directory);
            }
        }

        return removed;
    }

    private static bool IsStale(string directory)
    {
        string owner = System.IO.Path.Combine(directory, OwnerFile);
        try
        {
            if (!File.Exists(owner))
            {
                return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > CreationGrace;
            }

            var mark = ProcessMark.Parse(File.ReadAllText(owner).Trim());
            return mark is not { IsRunning: true };
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<(ProcessMark Process, bool LeadsGroup)> ReadProcesses(string directory)
    {
        string file = System.IO.Path.Combine(directory, ProcessesFile);
        var found = new List<(ProcessMark, bool)>();
        try
        {
            foreach (string line in File.Exists(file) ? File.ReadAllLines(file) : [])
            {
                if (ProcessMark.Parse(line) is { } mark)
                {
                    found.Add((mark, line.EndsWith(" group", StringComparison.Ordinal)));
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return found;
    }
}
