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
        using (var select = connection.Command(
            $"WITH RECURSIVE picked(node) AS ({Changed}), "
            + "up(start, parent, path) AS ("
            + "SELECT n.id, n.parent, nm.bytes FROM picked JOIN node AS n ON n.id = picked.node JOIN name AS nm ON nm.id = n.name_id "
            + "UNION ALL SELECT up.start, n.parent, CAST(nm.bytes || X'2F' || up.path AS BLOB) FROM up "
            + "JOIN node AS n ON n.id = up.parent JOIN name AS nm ON nm.id = n.name_id) "
            + "SELECT up.start, CAST(X'2F' || up.path AS BLOB), coalesce(n.kind, 0), coalesce(r.time, 0) FROM up "
            + "JOIN node AS n ON n.id = up.start LEFT JOIN removal AS r ON r.node = up.start WHERE up.parent = 0"))
        {
            select.Parameters.AddWithValue("$since", since);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                long node = reader.GetInt64(0);
                byte[] path = PortablePath.ToPortable(reader.GetFieldValue<byte[]>(1), home);
                items.Add(new SyncItem(path, (EntryKind)reader.GetInt64(2), reader.GetInt64(3), counts.GetValueOrDefault(node) ?? []));
            }
        }

        string machine = machines[machineIndex[SyncTables.LocalMachine]];
        return new SyncState(machine, since, sequence, machines, items);
    }
}
