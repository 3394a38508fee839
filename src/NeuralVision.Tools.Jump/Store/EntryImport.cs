using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>Writes imported entries (`nvt import`) in one transaction.</summary>
internal static class EntryImport
{
    /// <summary>
    /// A path already present gets the imported rank added and keeps the later of the two visit times, as a visit
    /// would; then the ranks are aged once if the total passed <paramref name="maxAge"/>. Without
    /// <paramref name="merge"/>, a database that has entries is left untouched and
    /// <see cref="DatabaseNotEmptyException"/> is thrown (checked inside the transaction, so no writer can slip in).
    /// </summary>
    public static ImportCounts Run(SqliteConnection connection, IReadOnlyList<JumpEntry> entries, bool merge, double maxAge)
    {
        ImportCounts? counts = null;
        Transaction.Run(connection, () =>
        {
            long before = EntryQueries.Count(connection);
            if (!merge && before > 0)
            {
                throw new DatabaseNotEmptyException(before);
            }

            using (var upsert = EntryWriter.PrepareUpsert(connection))
            {
                foreach (var entry in entries)
                {
                    EntryWriter.Upsert(upsert, entry.Path, entry.Kind, entry.Rank, entry.LastAccess);
                }
            }

            long afterImport = EntryQueries.Count(connection);
            RankAging.AgeIfNeeded(connection, maxAge);
            int added = (int)(afterImport - before);
            counts = new ImportCounts(added, entries.Count - added, (int)(afterImport - EntryQueries.Count(connection)));
        });
        return counts!;
    }
}
