using System.Text.RegularExpressions;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// Three machines and the one folder a file-sync engine would carry between them, all in one temp directory: HOMEs
/// at different paths (ROOT/home/alice, ROOT/u/alice-b, ROOT/Users/al, the last with its database in NVT_DATA_DIR
/// outside its home), the shared folder ROOT/shared, and directories outside every home (ROOT/opt/data, and
/// ROOT/home/alice.old/notes, whose path starts with alice's home but is not under it).
/// </summary>
internal sealed partial class SharedFolderScene : IDisposable
{
    public SharedFolderScene()
    {
        Root = Directory.CreateTempSubdirectory("nvt-sync-").FullName;
        Folder = Path.Combine(Root, "shared");
        Directory.CreateDirectory(Folder);
        Alice = new SyncMachine("alice", Path.Combine(Root, "home", "alice"));
        AliceB = new SyncMachine("alice-b", Path.Combine(Root, "u", "alice-b"));
        Al = new SyncMachine("al", Path.Combine(Root, "Users", "al"), dataDirectory: Path.Combine(Root, "var", "al-nvt"));
        Machines = [Alice, AliceB, Al];
        OutsideData = Path.Combine(Root, "opt", "data");
        Directory.CreateDirectory(OutsideData);
        LookalikeOfAliceHome = Path.Combine(Root, "home", "alice.old", "notes");
        Directory.CreateDirectory(LookalikeOfAliceHome);
    }

    public string Root { get; }

    /// <summary>The shared folder (--dir).</summary>
    public string Folder { get; }

    public SyncMachine Alice { get; }

    public SyncMachine AliceB { get; }

    public SyncMachine Al { get; }

    public IReadOnlyList<SyncMachine> Machines { get; }

    /// <summary>A directory outside every home: it travels as it is.</summary>
    public string OutsideData { get; }

    /// <summary>A directory outside every home whose path begins with alice's home path ("…/home/alice" + ".old/notes").</summary>
    public string LookalikeOfAliceHome { get; }

    /// <summary>The state files in the folder, by name.</summary>
    public string[] StateFiles() =>
        Directory.GetFiles(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The folder's nvt-ID.full of a machine that has written its file.</summary>
    public string FullFileOf(SyncMachine machine) =>
        Path.Combine(Folder, $"nvt-{machine.MachineId ?? throw new InvalidOperationException(machine.Name + " has not written its file yet")}.full");

    /// <summary>The file a machine's last successful sync wrote.</summary>
    public string LastFileOf(SyncMachine machine) =>
        Path.Combine(Folder, machine.LastWrittenFile ?? throw new InvalidOperationException(machine.Name + " has not written a file yet"));

    /// <summary>The deltas of a machine in the folder.</summary>
    public string[] DeltasOf(SyncMachine machine) =>
        StateFiles().Where(name => name.StartsWith($"nvt-{machine.MachineId}.", StringComparison.Ordinal) && name.EndsWith(".delta", StringComparison.Ordinal)).ToArray();

    /// <summary>Every machine syncs once, in the order given (all of them when none is given), and each must succeed.</summary>
    public void SyncInOrder(params SyncMachine[] order)
    {
        foreach (var machine in order.Length > 0 ? order : Machines)
        {
            machine.SyncThroughSuccessfully(Folder);
        }
    }

    /// <summary>Every machine syncs, twice round, each must succeed.</summary>
    public void SyncTwiceRound()
    {
        SyncInOrder();
        SyncInOrder();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>What nvt names its files in the folder: nvt-(32 hex digits of the machine id).full and nvt-ID.SINCE-SEQ.delta.</summary>
    [GeneratedRegex("^nvt-([0-9a-f]{32})\\.(full|[0-9]+-[0-9]+\\.delta)$")]
    public static partial Regex StateFileName();
}
