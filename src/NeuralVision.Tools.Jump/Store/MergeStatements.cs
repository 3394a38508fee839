using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The statements of <see cref="RankChanges.Merge"/>, prepared once per transaction: a sync merges up to every entry
/// of a database, and preparing six statements per entry cost more than running them.
/// </summary>
internal sealed class MergeStatements : IDisposable
{
    private readonly SqliteCommand readNode;
    private readonly SqliteCommand mergeRemoval;
    private readonly SqliteCommand mergeCount;
    private readonly SqliteCommand applyRemoval;
    private readonly SqliteCommand sum;
    private readonly SqliteCommand writeNode;

    public MergeStatements(StoreConnection connection)
    {
        readNode = Prepare(connection, "SELECT rank, last_access, kind FROM node WHERE id = $id", "$id");
        mergeRemoval = Prepare(
            connection,
            "INSERT INTO removal (node, time, changed) VALUES ($id, $time, $seq) "
            + "ON CONFLICT (node) DO UPDATE SET time = excluded.time, changed = excluded.changed WHERE excluded.time > time",
            "$id", "$time", "$seq");
        mergeCount = Prepare(
            connection,
            "INSERT INTO tally (node, machine, count, removed, last, changed) VALUES ($id, $machine, $count, $removed, $last, $seq) "
            + "ON CONFLICT (node, machine) DO UPDATE SET count = max(count, excluded.count), removed = max(removed, excluded.removed), "
            + "last = max(last, excluded.last), changed = excluded.changed "
            + "WHERE excluded.count > count OR excluded.removed > removed OR excluded.last > last",
            "$id", "$machine", "$count", "$removed", "$last", "$seq");
        applyRemoval = Prepare(
            connection,
            "UPDATE tally SET removed = count, changed = $seq WHERE node = $id AND removed < count "
            + "AND last < coalesce((SELECT time FROM removal WHERE node = $id), -1)",
            "$id", "$seq");
        sum = Prepare(connection, "SELECT sum(max(count - removed, 0)), max(CASE WHEN count > removed THEN last END) FROM tally WHERE node = $id", "$id");
        writeNode = Prepare(
            connection,
            "UPDATE node SET rank = $rank, last_access = $last, kind = CASE WHEN $rank IS NULL THEN NULL WHEN $kind IS NULL THEN kind ELSE $kind END WHERE id = $id",
            "$id", "$rank", "$last", "$kind");
    }

    public (double? Rank, long? Last, bool HasKind) ReadNode(long id)
    {
        readNode.Parameters[0].Value = id;
        using var reader = readNode.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : reader.GetDouble(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), !reader.IsDBNull(2));
    }

    public int MergeRemoval(long id, long time, long sequence) => Run(mergeRemoval, id, time, sequence);

    public int MergeCount(long id, MergedCount merged, long sequence) => Run(
        mergeCount, id, merged.Machine, Math.Clamp(merged.Count, 0, SyncUnits.Maximum), Math.Clamp(merged.Removed, 0, SyncUnits.Maximum), merged.Last, sequence);

    public int ApplyRemoval(long id, long sequence) => Run(applyRemoval, id, sequence);

    /// <summary>The node's rank in units and its latest counted visit, from every machine's counts.</summary>
    public (long Units, long? Last) Sum(long id)
    {
        sum.Parameters[0].Value = id;
        using var reader = sum.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <param name="kind">The kind to record; null keeps the node's.</param>
    public void WriteNode(long id, double? rank, long? last, EntryKind? kind) =>
        Run(writeNode, id, (object?)rank ?? DBNull.Value, (object?)last ?? DBNull.Value, kind is EntryKind k ? (long)k : DBNull.Value);

    public void Dispose()
    {
        foreach (var command in new[] { readNode, mergeRemoval, mergeCount, applyRemoval, sum, writeNode })
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Prepare(StoreConnection connection, string sql, params string[] names)
    {
        var command = connection.Command(sql);
        foreach (string name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static int Run(SqliteCommand command, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }
}
