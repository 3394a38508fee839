using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Journal;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Tests.Jump.Journal;

/// <summary>
/// The prototype's property test (proto/store/journal/test-property.py), in process: random interleavings of appends
/// (some torn, as by a full disk or a killed shell), folds, and folds stopped where a kill could stop them (half the
/// visits written, after the rotation's rename but before COMMIT, after COMMIT) give the ranks of a serial run: every
/// complete record exactly once, no torn one. A stop throws, so the transaction rolls back as SQLite's recovery of a
/// killed process's journal would.
/// </summary>
public sealed class JournalFoldPropertyTests
{
    private const long Now = 1_700_000_000;

    private static readonly byte[][] Names =
        [[.. "a"u8], [.. "b\nc"u8], [.. "x|y\tz"u8], [0xFF, 0xFE], [.. Encoding.ASCII.GetBytes(new string('p', 300))]];

    [Theory]
    [InlineData(13)]
    [InlineData(7)]
    [InlineData(2026)]
    public void RandomAppendsFoldsAndKills_GiveTheSerialCounts(int seed)
    {
        var random = new Random(seed);
        for (int iteration = 0; iteration < 60; iteration++)
        {
            using var temp = new TempDirectory();
            string database = Path.Combine(temp.Path, "nvt.db");
            using (JumpDatabase.OpenForWriting(database))
            {
            }

            long rotateBytes = new long[] { 200, 1000, 5000, 1 << 20 }[random.Next(4)];
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            var log = new List<string>();
            for (int step = random.Next(5, 40); step > 0; step--)
            {
                if (random.NextDouble() < 0.55)
                {
                    Append(temp.Path, random, expected, log);
                }
                else
                {
                    string crash = new[] { string.Empty, string.Empty, "mid-apply", "before-commit", "after-commit" }[random.Next(5)];
                    Fold(database, temp.Path, crash, rotateBytes);
                    log.Add($"fold {crash}: {string.Join(' ', Directory.GetFiles(temp.Path).Select(Path.GetFileName))}");
                }
            }

            Fold(database, temp.Path, string.Empty, rotateBytes);
            Fold(database, temp.Path, string.Empty, rotateBytes);
            using var check = JumpDatabase.OpenForWriting(database);
            var actual = check.ReadAll().ToDictionary(entry => entry.Path, entry => (int)entry.Rank, StringComparer.Ordinal);
            Assert.True(
                expected.Count == actual.Count && expected.All(pair => actual.GetValueOrDefault(pair.Key) == pair.Value),
                $"seed {seed}, iteration {iteration}: expected {expected.Values.Sum()} visits, got {actual.Values.Sum()}\n{string.Join('\n', log)}");
        }
    }

    private static void Append(string directory, Random random, Dictionary<string, int> expected, List<string> log)
    {
        using var journal = new FileStream(Path.Combine(directory, JournalFold.FileName), FileMode.Append);
        for (int count = random.Next(1, 8); count > 0; count--)
        {
            byte[] path = [.. Encoding.ASCII.GetBytes($"/d{random.Next(30)}/"), .. Names[random.Next(Names.Length)]];
            byte[] record = [0, .. Encoding.ASCII.GetBytes($"{Now - random.Next(1000)} d "), .. path, 0, (byte)'\n'];
            if (random.NextDouble() < 0.1)
            {
                journal.Write(record, 0, random.Next(1, record.Length));
                log.Add("torn");
            }
            else
            {
                journal.Write(record);
                string text = PathBytes.ToText(path);
                expected[text] = expected.GetValueOrDefault(text) + 1;
                log.Add("append");
            }
        }
    }

    private static void Fold(string database, string directory, string crash, long rotateBytes)
    {
        using var connection = StoreConnection.Open(database, readOnly: false, TimeSpan.FromSeconds(5));
        try
        {
            WriteTransaction.Run(connection, () =>
            {
                using var changes = new RankChanges(connection);
                JournalFold.Fold(connection, changes, directory, Now, path => path, stage => Stop(stage, crash), rotateBytes);
                changes.Complete();
                return 0;
            });
        }
        catch (SimulatedKill)
        {
            // Killed: what was not committed is gone; the rename, if it happened, stays.
        }
    }

    private static void Stop(string stage, string crash)
    {
        if (stage == crash)
        {
            throw new SimulatedKill();
        }
    }

    private sealed class SimulatedKill : Exception
    {
    }
}
