namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>
/// The merge rules as properties: any order of visits and syncs on three machines (three different home paths, one
/// shared folder) converges to the same ranks everywhere, equal to the visits made; removals, revivals and aging stay
/// right across machines.
/// </summary>
public sealed class SyncPropertyTests
{
    private const long Start = 1_700_000_000;

    private static readonly string[] Paths = ["src/api", "src/web", "notes", "/srv/www", "/etc/nginx", "src/api/v2"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomVisitsAndSyncs_ConvergeToTheVisitCounts(int seed)
    {
        var random = new Random(seed);
        using var world = new SyncWorld();
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        long now = Start;
        for (int step = 0; step < 40; step++)
        {
            now += random.Next(1, 600);
            var machine = world.Machines[random.Next(world.Machines.Count)];
            if (random.Next(3) == 0)
            {
                Assert.Empty(machine.Sync(now).Problems);
            }
            else
            {
                string path = Paths[random.Next(Paths.Length)];
                machine.Visit(path, now);
                visits[path] = visits.GetValueOrDefault(path) + 1;
            }
        }

        world.SyncAll(now + 1);
        var expected = new SortedDictionary<string, double>(visits.ToDictionary(pair => pair.Key, pair => (double)pair.Value), StringComparer.Ordinal);
        foreach (var machine in world.Machines)
        {
            Assert.Equal(expected, machine.Ranks());
        }
    }

    [Fact]
    public void SyncTwice_ChangesNothingTheSecondTime()
    {
        using var world = new SyncWorld();
        world.Machines[0].Visit("src/api", Start);
        world.Machines[1].Visit("src/api", Start + 1);
        world.SyncAll(Start + 2);
        var again = world.Machines[0].Sync(Start + 3);
        Assert.Equal(0, again.PathsChanged);
        Assert.Null(again.Written);
        Assert.Equal(2, world.Machines[2].Ranks()["src/api"]);
    }

    [Fact]
    public void PathsUnderHome_LandUnderEachMachinesHome_OtherPathsStayAsTheyAre()
    {
        using var world = new SyncWorld();
        world.Machines[0].Visit("src/x", Start);
        world.Machines[0].Visit("/srv/www", Start);
        world.SyncAll(Start + 1);
        using var database = NeuralVision.Tools.Jump.JumpDatabase.OpenForWriting(world.Machines[1].DatabasePath);
        Assert.Equal(["/srv/www", "/u/alice-b/src/x"], database.ReadAll().Select(entry => entry.Path));
    }

    [Fact]
    public void Remove_ReachesEveryMachine_AndALaterVisitBringsThePathBack()
    {
        using var world = new SyncWorld();
        var (laptop, workstation, mac) = (world.Machines[0], world.Machines[1], world.Machines[2]);
        laptop.Visit("old", Start);
        laptop.Visit("old", Start + 1);
        workstation.Visit("old", Start + 2);
        world.SyncAll(Start + 3);

        mac.Visit("old", Start + 4); // not yet seen by the laptop when it removes the path
        laptop.Remove("old", Start + 10);
        world.SyncAll(Start + 11);
        foreach (var machine in world.Machines)
        {
            Assert.False(machine.Ranks().ContainsKey("old"), machine.Name);
        }

        workstation.Visit("old", Start + 20);
        world.SyncAll(Start + 21);
        foreach (var machine in world.Machines)
        {
            Assert.Equal(1, machine.Ranks()["old"]);
        }
    }

    [Fact]
    public void AgingOnOneMachine_IsNotUndoneByTheOthersOlderCounts()
    {
        using var world = new SyncWorld();
        var (laptop, workstation) = (world.Machines[0], world.Machines[1]);
        for (int i = 0; i < 10; i++)
        {
            workstation.Visit("src/api", Start + i);
            workstation.Visit("notes", Start + i);
        }

        world.SyncAll(Start + 20);
        laptop.MaxAge = 20;
        laptop.Visit("src/web", Start + 30); // 21 > 20: the laptop ages every rank by 0.9 x 20 / 21
        var aged = laptop.Ranks();
        Assert.True(aged["src/api"] < 10);

        world.SyncAll(Start + 31);
        foreach (var machine in world.Machines)
        {
            var ranks = machine.Ranks();
            Assert.Equal(aged.Keys, ranks.Keys);
            foreach (var (path, rank) in aged)
            {
                Assert.Equal(rank, ranks[path], precision: 5);
            }
        }

        workstation.Visit("src/api", Start + 40);
        world.SyncAll(Start + 41);
        Assert.Equal(aged["src/api"] + 1, world.Machines[2].Ranks()["src/api"], precision: 5);
    }
}
