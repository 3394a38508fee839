using NeuralVision.Tools.Jump.Sqlite;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>The writes of the entry table; callers run them inside a <see cref="Transaction"/>.</summary>
internal static class EntryWriter
{
    /// <summary>
    /// The one upsert every visit and import goes through: a new path is inserted, an existing one gets the rank
    /// added and keeps the later visit time.
    /// </summary>
    public static SqliteStatement PrepareUpsert(SqliteConnection connection) => connection.Prepare(
        "INSERT INTO entry (path, name_fold, rank, last_access, kind) VALUES (?1, ?2, ?3, ?4, ?5) "
        + "ON CONFLICT (path) DO UPDATE SET rank = rank + excluded.rank, "
        + "last_access = max(last_access, excluded.last_access), kind = excluded.kind");

    public static void Upsert(SqliteStatement upsert, string path, EntryKind kind, double increment, long time)
    {
        upsert.Bind(1, path).Bind(2, FoldedName(path)).Bind(3, increment).Bind(4, time).Bind(5, (long)kind).Run();
        upsert.Reset();
    }

    /// <summary>Deletes the given paths; returns the ones that were not in the database.</summary>
    public static List<string> Delete(SqliteConnection connection, IReadOnlyList<string> paths)
    {
        var notFound = new List<string>();
        using var delete = connection.Prepare("DELETE FROM entry WHERE path = ?1");
        foreach (string path in paths)
        {
            delete.Bind(1, path).Run();
            if (connection.Changes == 0)
            {
                notFound.Add(path);
            }

            delete.Reset();
        }

        return notFound;
    }

    /// <summary>What the name index holds: the last component, lower-cased.</summary>
    private static string FoldedName(string path) => PathNormalizer.LastComponent(path).ToLowerInvariant();
}
