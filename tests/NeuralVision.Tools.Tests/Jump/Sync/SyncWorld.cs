namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>Three machines with different home paths and one shared folder, as a file-sync engine would carry it.</summary>
internal sealed class SyncWorld : IDisposable
{
    private readonly TempDirectory temp = new();

    public SyncWorld()
    {
        Folder = Path.Combine(temp.Path, "Sync", "nvt");
        Directory.CreateDirectory(Folder);
        Machines =
        [
            new SyncMachine("laptop", Path.Combine(temp.Path, "laptop", "nvt.db"), "/home/alice", Folder),
            new SyncMachine("workstation", Path.Combine(temp.Path, "workstation", "nvt.db"), "/u/alice-b", Folder),
            new SyncMachine("mac", Path.Combine(temp.Path, "mac", "nvt.db"), "/Users/al", Folder),
        ];
    }

    public string Folder { get; }

    public IReadOnlyList<SyncMachine> Machines { get; }

    /// <summary>Every machine syncs, twice round: after that each has merged every other's latest state.</summary>
    public void SyncAll(long now)
    {
        for (int round = 0; round < 2; round++)
        {
            foreach (var machine in Machines)
            {
                Assert.Empty(machine.Sync(now).Problems);
            }
        }
    }

    public void Dispose() => temp.Dispose();
}
