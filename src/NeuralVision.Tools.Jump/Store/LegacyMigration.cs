using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Converts a database of schema 1 to 3 (one row per path, FTS5 over the last component, triggers, WAL) into the tree,
/// inside the migration's transaction, keeping every entry's rank, last visit and kind. The old overflow file
/// `nvt.db-pending` (visits a busy database could not take) is folded in the same transaction and deleted after
/// COMMIT; a crash in between leaves it, and since the migration never runs again it is never counted twice.
/// </summary>
internal static class LegacyMigration
{
    public const string PendingSuffix = "-pending";

    public static void Run(StoreConnection connection, long version, StoreOptions options)
    {
        var entries = new List<(string Path, double Rank, long Time, long Kind)>();
        using (var select = connection.Command(
            version >= 3 ? "SELECT path, rank, last_access, kind FROM entry" : "SELECT path, rank, last_access, 0 FROM entry"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                entries.Add((reader.GetString(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        connection.Execute("DROP TABLE IF EXISTS entry_name; DROP TABLE entry; DROP TABLE meta");
        connection.Execute(JumpSchema.Create);
        using var changes = new RankChanges(connection);
        foreach (var (path, rank, time, kind) in entries)
        {
            changes.Add(PathBytes.ToBytes(path), kind == 1 ? EntryKind.File : EntryKind.Directory, rank, time);
        }

        foreach (var (path, increment, time, kind) in ReadPending(connection.Path + PendingSuffix))
        {
            if (options.Accept(path) is string stored)
            {
                changes.Add(PathBytes.ToBytes(stored), kind, increment, time);
            }
        }

        changes.Complete();
    }

    /// <summary>After the migration's COMMIT: the pending file goes, the space is reclaimed (the next write leaves WAL).</summary>
    public static void Finish(StoreConnection connection)
    {
        try
        {
            File.Delete(connection.Path + PendingSuffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It stays behind, never read again.
        }

        try
        {
            connection.Execute("VACUUM");
        }
        catch (SqliteException)
        {
            // Busy or full: the file is only larger than it needs to be.
        }
    }

    /// <summary>The visits of the old pending file ("TIME TAB INCREMENT TAB KIND TAB PATH NUL" each), opened safely.</summary>
    private static List<(string Path, double Increment, long Time, EntryKind Kind)> ReadPending(string path)
    {
        var visits = new List<(string, double, long, EntryKind)>();
        if (OwnFile.Open(path, 0, out _) is not var (handle, status))
        {
            return visits;
        }

        using (handle)
        {
            string text = Encoding.UTF8.GetString(OwnFile.Read(handle, 0, Math.Min(status.Size, 1024 * 1024)));
            foreach (string record in text.Split('\0'))
            {
                string[] fields = record.Split('\t', 4);
                if (fields.Length == 4
                    && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long time)
                    && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double increment)
                    && double.IsFinite(increment) && increment > 0
                    && fields[2] is "0" or "1"
                    && fields[3].StartsWith('/'))
                {
                    visits.Add((fields[3], increment, time, fields[2] == "1" ? EntryKind.File : EntryKind.Directory));
                }
            }
        }

        return visits;
    }
}
