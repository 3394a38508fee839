using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>Writes imported entries (`nvt import`) in one transaction, through the one write path.</summary>
internal static class EntryImport
{
    /// <summary>
    /// A path already present gets the imported rank added and keeps the later of the two visit times, as a visit
    /// would; then the ranks are aged once if the total passed <paramref name="maxAge"/> (an import larger than
    /// NVT_MAXAGE keeps its best entries). Without <paramref name="merge"/>, a database that has entries is left
    /// untouched and <see cref="DatabaseNotEmptyException"/> is thrown (checked inside the transaction).
    /// </summary>
    public static ImportCounts Run(StoreConnection connection, RankChanges changes, IReadOnlyList<JumpEntry> entries, bool merge, double maxAge)
    {
        using var queries = new EntryQueries(connection);
        long before = queries.Count();
        if (!merge && before > 0)
        {
            throw new DatabaseNotEmptyException(before);
        }

        foreach (var entry in entries)
        {
            changes.Add(PathBytes.ToBytes(entry.Path), entry.Kind, entry.Rank, entry.LastAccess);
        }

        changes.Complete();
        long afterImport = queries.Count();
        int dropped = changes.AgeIfNeeded(maxAge);
        int added = (int)(afterImport - before);
        return new ImportCounts(added, entries.Count - added, dropped);
    }
}
