using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>A database copied to another machine gets an id of its own at its first sync there, and no visit is lost.</summary>
public sealed class MachineIdTests : IDisposable
{
    private const long Start = 1_700_000_000;

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CopiedDatabase_GetsItsOwnId_AndBothMachinesVisitsCount()
    {
        // An rsync of the home to a new machine: the same home path, the database copied with it.
        string folder = Directory.CreateDirectory(Path.Combine(temp.Path, "Sync")).FullName;
        var old = new SyncMachine("old laptop", Path.Combine(temp.Path, "old", "nvt.db"), "/home/alice", folder);
        var copy = new SyncMachine("new laptop", Path.Combine(temp.Path, "new", "nvt.db"), "/home/alice", folder);
        Assert.False(KeepMachineId(old, "old machine"));
        old.Visit("src/api", Start);
        old.Visit("src/api", Start + 1);
        old.Sync(Start + 2);

        Directory.CreateDirectory(Path.GetDirectoryName(copy.DatabasePath)!);
        File.Copy(old.DatabasePath, copy.DatabasePath);
        Assert.True(KeepMachineId(copy, "new machine"));
        Assert.NotEqual(Id(old), Id(copy));
        Assert.False(KeepMachineId(copy, "new machine"));

        copy.Visit("src/api", Start + 3);
        old.Visit("src/api", Start + 4);
        for (int round = 0; round < 2; round++)
        {
            Assert.Empty(old.Sync(Start + 5).Problems);
            Assert.Empty(copy.Sync(Start + 5).Problems);
        }

        // 3 visits on the old machine, 1 on the new one; without a new id the two would overwrite each other's count.
        Assert.Equal(4, old.Ranks()["src/api"]);
        Assert.Equal(4, copy.Ranks()["src/api"]);
    }

    private static bool KeepMachineId(SyncMachine machine, string fingerprint)
    {
        using var database = JumpDatabase.OpenForWriting(machine.DatabasePath);
        return database.KeepMachineId(fingerprint, Start);
    }

    private static string Id(SyncMachine machine)
    {
        using var database = JumpDatabase.OpenForWriting(machine.DatabasePath);
        return database.MachineId;
    }
}
