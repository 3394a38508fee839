using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>A removal is kept (a rank-less node) so it reaches every machine, and forgotten after RemovalMemory.</summary>
public sealed class RemovalMemoryTests
{
    private const long Start = 1_700_000_000;

    private static readonly long Memory = (long)JumpDatabase.RemovalMemory.TotalSeconds;

    [Fact]
    public void Removal_IsKeptWhileMachinesMayNeedIt_ThenForgotten()
    {
        using var world = new SyncWorld();
        var (laptop, workstation) = (world.Machines[0], world.Machines[1]);
        laptop.Visit("old", Start);
        laptop.Visit("notes", Start);
        world.SyncAll(Start + 1);
        laptop.Remove("old", Start + 2);
        world.SyncAll(Start + 3);
        Assert.Equal(1, Removals(workstation));

        workstation.Visit("notes", Start + Memory + 10);
        world.SyncAll(Start + Memory + 11);

        Assert.Equal(0, Removals(workstation));
        Assert.Equal(0, Removals(laptop));
        Assert.False(workstation.Ranks().ContainsKey("old"));
        Assert.Equal(2, laptop.Ranks()["notes"]);
    }

    private static long Removals(SyncMachine machine) =>
        (long)RawSqlite.Scalar(machine.DatabasePath, "SELECT count(*) FROM node WHERE rank IS NULL AND id IN (SELECT node FROM tally)")!;
}
