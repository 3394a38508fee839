using NeuralVision.Tools.Jump.Sync;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Reads the state to send (<see cref="SyncTables"/>): every node whose counts or removal changed after a sequence
/// number, with all of its machines' counts, its path rebuilt from the tree and made portable.
/// </summary>
internal static class SyncExport
{
    private const string Changed =
        "SELECT node FROM tally WHERE changed > $since UNION SELECT node FROM removal WHERE changed > $since";

    public static SyncState Run(StoreConnection connection, long since, byte[] home)
    {
        long sequence = connection.Int64("SELECT value FROM meta WHERE key = 'seq'");
        var machineIndex = new Dictionary<long, int>();
        var machines = new List<string>();
        using (var select = connection.Command("SELECT id, uuid FROM machine ORDER BY id"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                machineIndex[reader.GetInt64(0)] = machines.Count;
                machines.Add(reader.GetString(1));
            }
        }

        var counts = new Dictionary<long, List<SyncCount>>();
        using (var select = connection.Command($"SELECT node, machine, count, removed, last FROM tally WHERE node IN ({Changed})"))
        {
            select.Parameters.AddWithValue("$since", since);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                long node = reader.GetInt64(0);
                if (!counts.TryGetValue(node, out var list))
                {
                    counts[node] = list = [];
                }

                list.Add(new SyncCount(machineIndex[reader.GetInt64(1)], reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        var items = new List<SyncItem>();
        foreach (var (node, path, kind, removal) in since == 0 ? Everything(connection) : Picked(connection, since))
        {
            items.Add(new SyncItem(PortablePath.ToPortable(path, home), (EntryKind)kind, removal, counts.GetValueOrDefault(node) ?? []));
        }

        string machine = machines[machineIndex[SyncTables.LocalMachine]];
        return new SyncState(machine, since, sequence, machines, items);
    }

    /// <summary>The changed nodes' paths, each walked up to the root (a delta holds few nodes).</summary>
    private static List<(long Node, byte[] Path, long Kind, long Removal)> Picked(StoreConnection connection, long since)
    {
        var picked = new List<(long, byte[], long, long)>();
        using var select = connection.Command(
            $"WITH RECURSIVE picked(node) AS ({Changed}), "
            + "up(start, parent, path) AS ("
            + "SELECT n.id, n.parent, nm.bytes FROM picked JOIN node AS n ON n.id = picked.node JOIN name AS nm ON nm.id = n.name_id "
            + "UNION ALL SELECT up.start, n.parent, CAST(nm.bytes || X'2F' || up.path AS BLOB) FROM up "
            + "JOIN node AS n ON n.id = up.parent JOIN name AS nm ON nm.id = n.name_id) "
            + "SELECT up.start, CAST(X'2F' || up.path AS BLOB), coalesce(n.kind, 0), coalesce(r.time, 0) FROM up "
            + "JOIN node AS n ON n.id = up.start LEFT JOIN removal AS r ON r.node = up.start WHERE up.parent = 0");
        select.Parameters.AddWithValue("$since", since);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            picked.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return picked;
    }

    /// <summary>
    /// Every node with counts or a removal, from one scan in id order (a parent's id is smaller than its children's, so
    /// each path is its parent's plus a name): for a full state, far cheaper than walking up from each node.
    /// </summary>
    private static List<(long Node, byte[] Path, long Kind, long Removal)> Everything(StoreConnection connection)
    {
        var paths = new Dictionary<long, byte[]>();
        var all = new List<(long, byte[], long, long)>();
        using var select = connection.Command(
            "SELECT n.id, n.parent, nm.bytes, coalesce(n.kind, 0), coalesce(r.time, 0), "
            + "EXISTS (SELECT 1 FROM tally AS t WHERE t.node = n.id) OR r.node IS NOT NULL "
            + "FROM node AS n JOIN name AS nm ON nm.id = n.name_id LEFT JOIN removal AS r ON r.node = n.id ORDER BY n.id");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            long parent = reader.GetInt64(1);
            byte[] name = reader.GetFieldValue<byte[]>(2);
            if (!(parent == 0 || paths.ContainsKey(parent)))
            {
                continue;
            }

            byte[] path = parent == 0 ? [(byte)'/', .. name] : [.. paths[parent], (byte)'/', .. name];
            paths[id] = path;
            if (reader.GetBoolean(5))
            {
                all.Add((id, path, reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        return all;
    }
}
