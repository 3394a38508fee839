using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>The files in the shared folder: what each sync writes, what it reads, and what a damaged file does.</summary>
public sealed class FolderSyncFileTests
{
    private const long Start = 1_700_000_000;

    [Fact]
    public void FirstSync_WritesAFullFile_LaterSyncsOneSmallDeltaEach_ThatTheOthersFollow()
    {
        using var world = new SyncWorld();
        var (laptop, workstation) = (world.Machines[0], world.Machines[1]);
        for (int i = 0; i < 200; i++)
        {
            laptop.Visit($"src/project-{i}/api", Start + i);
        }

        var first = laptop.Sync(Start + 300);
        Assert.EndsWith(".full", first.Written);
        Assert.Equal(200, workstation.Sync(Start + 301).PathsChanged);

        laptop.Visit("src/project-7/api", Start + 400);
        laptop.Visit("src/project-9/api", Start + 401);
        var second = laptop.Sync(Start + 402);
        Assert.EndsWith(".delta", second.Written);
        Assert.True(second.BytesWritten * 10 < new FileInfo(first.Written!).Length, $"delta {second.BytesWritten} bytes");

        laptop.Visit("src/project-8/api", Start + 500);
        var third = laptop.Sync(Start + 501);
        Assert.EndsWith(".delta", third.Written);

        var merged = workstation.Sync(Start + 502);
        Assert.Equal(3, merged.PathsChanged);
        Assert.Equal(2, merged.StatesMerged); // the two deltas, not the full file
        Assert.Equal(2, workstation.Ranks()["src/project-7/api"]);
    }

    [Fact]
    public void NothingNew_WritesNoFile()
    {
        using var world = new SyncWorld();
        world.Machines[0].Visit("notes", Start);
        world.Machines[0].Sync(Start + 1);
        var files = Directory.GetFiles(world.Folder).Select(path => (path, File.GetLastWriteTimeUtc(path))).ToList();
        var again = world.Machines[0].Sync(Start + 2);
        Assert.Null(again.Written);
        Assert.Equal(files, Directory.GetFiles(world.Folder).Select(path => (path, File.GetLastWriteTimeUtc(path))).ToList());
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("garbage")]
    [InlineData("newer")]
    [InlineData("flipped")]
    public void DamagedPeerFile_IsNamed_AndNothingIsMerged(string damage)
    {
        using var world = new SyncWorld();
        var (laptop, workstation) = (world.Machines[0], world.Machines[1]);
        workstation.Visit("notes", Start);
        workstation.Sync(Start + 1);
        laptop.Visit("src/api", Start + 2);
        laptop.Visit("/srv/www", Start + 2);
        laptop.Sync(Start + 3); // the workstation has not read this yet
        string file = Directory.GetFiles(world.Folder, "*.full").Single(path => !path.Contains(MachineId(workstation), StringComparison.Ordinal));
        byte[] bytes = File.ReadAllBytes(file);
        byte[] damaged = damage switch
        {
            "cut" => bytes[..(bytes.Length / 2)],
            "garbage" => "not a state file at all\n"u8.ToArray(),
            "newer" => [.. bytes[..8], 9, .. bytes[9..]],
            _ => [.. bytes[..20], (byte)(bytes[20] ^ 0x10), .. bytes[21..]],
        };
        File.WriteAllBytes(file, damaged);
        var before = workstation.Ranks();
        byte[] databaseBefore = File.ReadAllBytes(workstation.DatabasePath);

        var result = workstation.Sync(Start + 5);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(file, problem, StringComparison.Ordinal);
        Assert.Contains(damage == "newer" ? "newer nvt" : damage == "garbage" ? "not an nvt sync state" : "cut short", problem, StringComparison.Ordinal);
        Assert.Equal(0, result.PathsChanged);
        Assert.Equal(before, workstation.Ranks());
        Assert.Equal(databaseBefore, File.ReadAllBytes(workstation.DatabasePath));
    }

    [Fact]
    public void OwnFiles_ArePrivate()
    {
        using var world = new SyncWorld();
        world.Machines[0].Visit("notes", Start);
        var written = world.Machines[0].Sync(Start + 1).Written!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
    }

    private static string MachineId(SyncMachine machine)
    {
        using var database = JumpDatabase.OpenForWriting(machine.DatabasePath);
        return database.MachineId;
    }
}
