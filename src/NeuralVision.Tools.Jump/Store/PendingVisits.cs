using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The overflow file beside the database (`nvt.db-pending`). The hook waits for the database only briefly, so a visit
/// made while another shell holds the write lock longer is appended here instead of being dropped, and the next
/// writer folds it into the database inside its own transaction.
/// Both sides hold an exclusive flock(2) on the file: an appender cannot write between the folder's read and its
/// truncation, so nothing appended is ever lost (a crash between commit and truncation counts a visit twice, at worst).
/// </summary>
public sealed class PendingVisits
{
    /// <summary>A database that stays locked for good must not fill the disk: past this size new visits are dropped.</summary>
    public const long MaximumBytes = 1024 * 1024;

    private const int PrivateFileMode = 0x180; // 0600

    public PendingVisits(string databasePath)
    {
        Path = databasePath + "-pending";
    }

    public string Path { get; }

    /// <summary>Appends the visits; false when they could not be kept (unwritable directory, file over its limit).</summary>
    public bool Append(IReadOnlyList<string> paths, double increment, long time) =>
        Append(paths.Select(path => new Visit(path)).ToList(), increment, time);

    public bool Append(IReadOnlyList<Visit> visits, double increment, long time)
    {
        using var handle = OpenLocked(LibC.OpenWriteOnly | LibC.OpenCreate);
        if (handle is null)
        {
            return false;
        }

        long length = RandomAccess.GetLength(handle);
        if (length >= MaximumBytes)
        {
            return false;
        }

        var text = new StringBuilder();
        foreach (var visit in visits)
        {
            // NUL ends a record because it is the one byte a path cannot contain.
            text.Append(CultureInfo.InvariantCulture, $"{time}\t{increment:R}\t{(int)visit.Kind}\t{visit.Path}\0");
        }

        RandomAccess.Write(handle, Encoding.UTF8.GetBytes(text.ToString()), length);
        return true;
    }

    /// <summary>
    /// Locks the file and reads what it holds; null when there is nothing pending (the common case costs one stat).
    /// The caller applies the visits, commits, then calls <see cref="PendingVisitsClaim.Clear"/>; disposing releases the lock.
    /// </summary>
    public PendingVisitsClaim? TryClaim()
    {
        var info = new FileInfo(Path);
        if (!info.Exists || info.Length == 0)
        {
            return null;
        }

        var handle = OpenLocked(LibC.OpenReadWrite);
        if (handle is null)
        {
            return null;
        }

        var bytes = new byte[RandomAccess.GetLength(handle)];
        int read = 0;
        while (read < bytes.Length)
        {
            int count = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return new PendingVisitsClaim(handle, Parse(Encoding.UTF8.GetString(bytes, 0, read)));
    }

    /// <summary>The visits in the file's text; records cut short by a crash or a full disk are left out.</summary>
    public static IReadOnlyList<PendingVisit> Parse(string text)
    {
        var visits = new List<PendingVisit>();
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
                visits.Add(new PendingVisit(fields[3], increment, time, fields[2] == "1" ? EntryKind.File : EntryKind.Directory));
            }
        }

        return visits;
    }

    private SafeFileHandle? OpenLocked(int flags)
    {
        int descriptor = LibC.Open(Path, flags | LibC.OpenCloseOnExec, PrivateFileMode);
        if (descriptor < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (LibC.FLock(descriptor, LibC.LockExclusive) != 0)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }
}
