using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Journal;

/// <summary>
/// Folds the visit journal into the database, exactly once, in the caller's write transaction. How far each journal
/// file was read is stored in <c>journal_file</c> (per device and inode, plus the file's first bytes so that a new file
/// reusing an inode number is not taken for the old one) in the same transaction as the visits, so nothing is ever
/// truncated under a shell that may be appending. Rotation renames <c>journal</c> to <c>journal.1</c> once it has been
/// read past <see cref="RotateBytes"/>: a shell that opened it just before the rename appends to journal.1, which the
/// next fold reads by inode; the next append creates a new journal. It only rotates when this fold read nothing new
/// from journal.1, so the file the rename replaces never holds uncommitted visits (a crash between the rename and
/// COMMIT loses nothing; the property test found the loss without this rule).
/// </summary>
internal static class JournalFold
{
    public const string FileName = "journal";
    public const string RotatedFileName = "journal.1";
    public const long RotateBytes = 64 * 1024;

    private const int HeadBytes = 64;

    /// <summary>A torn tail this old is not being written any more: skipped instead of re-read by every fold.</summary>
    private const long FinalTailSeconds = 10;

    /// <summary>True when a journal file holds bytes no fold has read (the check costs one or two lstat calls).</summary>
    public static bool HasUnread(StoreConnection connection, string dataDirectory)
    {
        var files = new List<FileStatus>();
        foreach (string name in new[] { RotatedFileName, FileName })
        {
            if (LibC.Stat(dataDirectory + "/" + name, followLinks: false) is { IsRegularFile: true } status)
            {
                files.Add(status);
            }
        }

        if (files.Count == 0)
        {
            return false;
        }

        var known = ReadKnown(connection);
        return files.Any(file => !known.TryGetValue(Key(file), out var row) || row.Offset != file.Size);
    }

    /// <summary>
    /// Applies every complete record not folded yet through <paramref name="changes"/>. <paramref name="accept"/> maps a
    /// recorded path to the path to store, or null to skip it (NVT_EXCLUDE_DIRS). <paramref name="crashPoint"/> lets
    /// the property test stop the fold where a kill could ("mid-apply", "before-commit"), and
    /// <paramref name="rotateBytes"/> rotate at other sizes.
    /// </summary>
    public static int Fold(
        StoreConnection connection,
        RankChanges changes,
        string dataDirectory,
        long now,
        Func<string, string?> accept,
        Action<string>? crashPoint = null,
        long rotateBytes = RotateBytes)
    {
        var known = ReadKnown(connection);
        var seen = new HashSet<(long, long)>();
        var missing = new HashSet<string>();
        bool rotate = false, rotatedHadNew = false;
        (long, long) active = default;
        int applied = 0;
        using var save = connection.Command("INSERT OR REPLACE INTO journal_file (dev, ino, head, offset) VALUES ($dev, $ino, $head, $offset)");
        foreach (string name in new[] { RotatedFileName, FileName })
        {
            string path = dataDirectory + "/" + name;
            var opened = OwnFile.Open(path, 0, out string? problem);
            if (opened is not var (handle, status))
            {
                if (problem is null)
                {
                    missing.Add(name);
                }

                continue;
            }

            using (handle)
            {
                var key = Key(status);
                byte[] head = OwnFile.Read(handle, 0, HeadBytes);
                // A new file, or one reusing the inode number of a file known before: from the start, with its own head.
                bool continuing = known.TryGetValue(key, out var row) && row.Offset <= status.Size && SameStart(row.Head, head);
                long offset = continuing ? row.Offset : 0;

                byte[] data = OwnFile.Read(handle, offset, status.Size - offset);
                bool final = now - status.ModifiedSeconds > FinalTailSeconds;
                var (records, consumed) = JournalDecoder.Decode(data, final);
                rotatedHadNew |= name == RotatedFileName && consumed > 0;
                long fallbackTime = Math.Min(now, status.ModifiedSeconds);
                for (int i = 0; i < records.Count; i++)
                {
                    applied += Apply(changes, records[i], fallbackTime, accept) ? 1 : 0;
                    if (i == records.Count / 2)
                    {
                        crashPoint?.Invoke("mid-apply");
                    }
                }

                offset += consumed;
                save.Parameters.Clear();
                save.Parameters.AddWithValue("$dev", key.Item1);
                save.Parameters.AddWithValue("$ino", key.Item2);
                save.Parameters.AddWithValue("$head", continuing && row.Head.Length > head.Length ? row.Head : head);
                save.Parameters.AddWithValue("$offset", offset);
                save.ExecuteNonQuery();
                seen.Add(key);
                if (name == FileName && offset >= rotateBytes)
                {
                    rotate = true;
                    active = key;
                }
            }
        }

        // Rows of files that are gone are forgotten; a file that exists but failed a check keeps its row.
        bool allSeenOrGone = seen.Count + missing.Count == 2;
        using var forget = connection.Command("DELETE FROM journal_file WHERE dev = $dev AND ino = $ino");
        foreach (var key in known.Keys.Where(key => !seen.Contains(key) && allSeenOrGone))
        {
            Forget(forget, key);
        }

        if (rotate && !rotatedHadNew)
        {
            foreach (var key in seen.Where(key => key != active))
            {
                Forget(forget, key);
            }

            File.Move(dataDirectory + "/" + FileName, dataDirectory + "/" + RotatedFileName, overwrite: true);
            crashPoint?.Invoke("before-commit");
        }

        return applied;
    }

    private static bool Apply(RankChanges changes, JournalRecord record, long fallbackTime, Func<string, string?> accept)
    {
        EntryKind? kind = record.Kind switch
        {
            (byte)'d' => EntryKind.Directory,
            (byte)'f' => EntryKind.File,
            _ => null,
        };
        if (kind is null || accept(PathBytes.ToText(record.Path)) is not string stored)
        {
            return false;
        }

        changes.Add(PathBytes.ToBytes(stored), kind.Value, 1, record.Time ?? fallbackTime);
        return true;
    }

    private static void Forget(SqliteCommand forget, (long Dev, long Ino) key)
    {
        forget.Parameters.Clear();
        forget.Parameters.AddWithValue("$dev", key.Dev);
        forget.Parameters.AddWithValue("$ino", key.Ino);
        forget.ExecuteNonQuery();
    }

    private static (long, long) Key(FileStatus status) => ((long)status.Device, (long)status.Inode);

    /// <summary>The stored head and the file's first bytes agree as far as both go (the file may have grown since).</summary>
    private static bool SameStart(byte[] stored, byte[] now)
    {
        int length = Math.Min(stored.Length, now.Length);
        return stored.Length > 0 && stored.AsSpan(0, length).SequenceEqual(now.AsSpan(0, length));
    }

    private static Dictionary<(long, long), (byte[] Head, long Offset)> ReadKnown(StoreConnection connection)
    {
        var known = new Dictionary<(long, long), (byte[] Head, long Offset)>();
        using var select = connection.Command("SELECT dev, ino, head, offset FROM journal_file");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            known[(reader.GetInt64(0), reader.GetInt64(1))] = (reader.GetFieldValue<byte[]>(2), reader.GetInt64(3));
        }

        return known;
    }
}
