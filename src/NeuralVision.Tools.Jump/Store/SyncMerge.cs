using NeuralVision.Tools.Jump.Sync;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Merges another machine's <see cref="SyncState"/> into this database inside the caller's write transaction,
/// through <see cref="RankChanges.Merge"/>; a path that nvt would never have sent makes the whole state refused
/// (the transaction rolls back, nothing is merged). Records how far the sender's sequence has been merged.
/// </summary>
internal static class SyncMerge
{
    /// <summary>Merges the state; each path that changed here is added to <paramref name="changedPaths"/> (Latin-1 of its bytes).</summary>
    /// <exception cref="SyncFormatException">A malformed machine id or path.</exception>
    public static void Run(StoreConnection connection, RankChanges changes, SyncState state, byte[] home, long now, HashSet<string> changedPaths)
    {
        long[] rows = new long[state.Machines.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = changes.MachineRow(Checked(state.Machines[i]));
        }

        long sender = changes.MachineRow(Checked(state.Machine));
        var merged = new List<MergedCount>();
        foreach (var item in state.Items)
        {
            byte[] local = PortablePath.ToLocal(item.Path, home)
                ?? throw new SyncFormatException("is damaged (it holds a path that is not absolute and clean)");
            merged.Clear();
            foreach (var count in item.Counts)
            {
                merged.Add(new MergedCount(rows[count.Machine], count.Count, count.Removed, count.Last));
            }

            if (changes.Merge(local, item.Kind, item.RemovalTime, merged))
            {
                changedPaths.Add(System.Text.Encoding.Latin1.GetString(local));
            }
        }

        if (sender != SyncTables.LocalMachine)
        {
            using var seen = connection.Command("UPDATE machine SET seen = max(seen, $seq), synced = $now WHERE id = $id");
            seen.Parameters.AddWithValue("$seq", state.Sequence);
            seen.Parameters.AddWithValue("$now", now);
            seen.Parameters.AddWithValue("$id", sender);
            seen.ExecuteNonQuery();
        }
    }

    private static string Checked(string uuid) =>
        uuid.Length == 32 && uuid.All(char.IsAsciiHexDigitLower) ? uuid : throw new SyncFormatException("is damaged (a machine id is not 32 hex digits)");
}
