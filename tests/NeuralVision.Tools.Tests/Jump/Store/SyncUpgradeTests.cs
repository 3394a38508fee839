using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump.Store;

/// <summary>Schema 4 (the tree without sync) becomes schema 5 at its first open: every rank becomes this machine's count.</summary>
public sealed class SyncUpgradeTests : IDisposable
{
    private const long Now = 1_700_000_000;

    private readonly TempDirectory temp = new();

    private string DatabasePath => Path.Combine(temp.Path, "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void SchemaFour_IsUpgraded_KeepingEveryRank_AsThisMachinesCounts()
    {
        using (var database = JumpDatabase.OpenForWriting(DatabasePath))
        {
            database.Add(["/srv/www", "/home/alice/src"], 1, Now, 1e9);
            database.Add(["/home/alice/src"], 2.5, Now + 10, 1e9);
        }

        // Back to what nvt wrote before sync existed.
        RawSqlite.Execute(
            DatabasePath,
            "DROP TABLE machine; DROP TABLE tally; DROP TABLE removal; DELETE FROM meta WHERE key = 'seq'; PRAGMA user_version = 4");

        using (var database = JumpDatabase.OpenForWriting(DatabasePath))
        {
            Assert.Equal([("/home/alice/src", 3.5), ("/srv/www", 1.0)], database.ReadAll().Select(entry => (entry.Path, entry.Rank)));
            Assert.Matches("^[0-9a-f]{32}$", database.MachineId);
            var state = database.ExportSync(0, "/home/alice"u8.ToArray());
            Assert.Equal(["/srv/www", "~/src"], state.Items.Select(item => System.Text.Encoding.UTF8.GetString(item.Path)).Order(StringComparer.Ordinal));
            Assert.All(state.Items, item => Assert.Equal(database.MachineId, state.Machines[Assert.Single(item.Counts).Machine]));
        }

        Assert.Equal(5L, RawSqlite.Scalar(DatabasePath, "PRAGMA user_version"));
        Assert.Equal(3.5 * (1 << 20), Convert.ToDouble(RawSqlite.Scalar(DatabasePath, "SELECT count FROM tally JOIN node ON node.id = tally.node WHERE node.rank = 3.5")));
    }
}
