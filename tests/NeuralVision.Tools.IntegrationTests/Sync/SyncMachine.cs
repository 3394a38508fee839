using System.Text.RegularExpressions;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// One machine of a folder-sync scene: a HOME at a path the test chooses (so homes differ as they do between real
/// machines), its own jump database (under HOME, or in <c>NVT_DATA_DIR</c> when one is given), and the published nvt
/// run there with a clean environment.
/// </summary>
internal sealed partial class SyncMachine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string? dataDirectory;

    public SyncMachine(string name, string home, string? dataDirectory = null)
    {
        Name = name;
        Home = home;
        this.dataDirectory = dataDirectory;
        Directory.CreateDirectory(home);
    }

    /// <summary>What the test calls the machine in its messages.</summary>
    public string Name { get; }

    public string Home { get; }

    /// <summary>The machine id, as the first successful sync that wrote this machine's file named it; null before.</summary>
    public string? MachineId { get; private set; }

    /// <summary>The name of the file this machine's last successful sync wrote (nvt-ID.full or nvt-ID.SINCE-SEQ.delta); null before.</summary>
    public string? LastWrittenFile { get; private set; }

    public string DatabasePath => Path.Combine(dataDirectory ?? Path.Combine(Home, ".local", "share", "nvt"), "nvt.db");

    /// <summary>HOME/<paramref name="relative"/>, created.</summary>
    public string MakeDirectory(string relative)
    {
        string full = Path.Combine(Home, relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public ProcessResult Run(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = Home,
        };
        if (dataDirectory is not null)
        {
            environment["NVT_DATA_DIR"] = dataDirectory;
        }

        return ChildProcess.Run(NvtBinary.Path, args, environment: environment, timeout: Timeout, workingDirectory: Home, cleanEnvironment: true);
    }

    /// <summary>Records <paramref name="times"/> visits to an existing directory, one `nvt add` each (as one cd each).</summary>
    public void Visit(string directory, int times = 1)
    {
        for (int i = 0; i < times; i++)
        {
            var added = Run("add", "--", directory);
            Assert.True(added.ExitCode == 0, $"{Name}: nvt add {directory} failed ({added.ExitCode}): {added.Stderr}");
        }
    }

    /// <summary>`nvt sync --dir FOLDER`, whatever its outcome.</summary>
    public ProcessResult SyncThrough(string folder) => Run("sync", "--dir", folder);

    /// <summary>`nvt sync --dir FOLDER`, which must succeed; its standard output.</summary>
    public string SyncThroughSuccessfully(string folder)
    {
        var result = SyncThrough(folder);
        Assert.True(result.ExitCode == 0, $"{Name}: nvt sync --dir {folder} failed ({result.ExitCode}): {result.Stderr}");
        Assert.Equal("", result.Stderr);
        if (WrittenFile().Match(result.Stdout) is { Success: true } written)
        {
            Assert.True(MachineId is null || MachineId == written.Groups[2].Value, $"{Name} wrote the file of another machine: {result.Stdout}");
            MachineId = written.Groups[2].Value;
            LastWrittenFile = written.Groups[1].Value;
        }

        return result.Stdout;
    }

    /// <summary>Path to rank of every entry (see <see cref="JumpRanks"/>).</summary>
    public SortedDictionary<string, double> Ranks() => JumpRanks.FromListing(Run(JumpRanks.ListArguments));

    /// <summary>The raw `nvt query -l -s -a` output, to compare before and after.</summary>
    public string Listing() => Run(JumpRanks.ListArguments).Stdout;

    public double TotalRank() => JumpRanks.TotalFromStats(Run(JumpRanks.StatsArguments));

    public override string ToString() => $"{Name} ({Home})";

    /// <summary>"wrote nvt-ID.full (B bytes)" or "wrote nvt-ID.SINCE-SEQ.delta (B bytes)" at the end of a sync's report.</summary>
    [GeneratedRegex("; wrote (nvt-([0-9a-f]{32})\\.(?:full|[0-9]+-[0-9]+\\.delta)) \\([0-9]+ bytes\\)\n$")]
    private static partial Regex WrittenFile();
}
