using System.Globalization;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Journal;

/// <summary>
/// Appends visits to the journal the way the shell hooks do: what `nvt add` does when the database stays locked longer
/// than the hook may wait, so the visit is folded by the next process instead of being dropped.
/// </summary>
internal static class JournalAppender
{
    /// <summary>A journal nobody folds (a database locked for good) must not fill the disk: past this nothing is added.</summary>
    public const long MaximumBytes = 4 * 1024 * 1024;

    public static bool Append(string dataDirectory, IReadOnlyList<Visit> visits, long time)
    {
        var opened = OwnFile.Open(
            dataDirectory + "/" + JournalFold.FileName, LibC.OpenWriteOnly | LibC.OpenAppend | LibC.OpenCreate, out _);
        if (opened is not var (handle, status))
        {
            return false;
        }

        using (handle)
        {
            if (status.Size >= MaximumBytes)
            {
                return false;
            }

            var bytes = new List<byte>();
            foreach (var visit in visits)
            {
                string head = string.Create(CultureInfo.InvariantCulture, $"\0{time} {(visit.Kind == EntryKind.File ? 'f' : 'd')} ");
                PathBytes.Append(head, bytes);
                PathBytes.Append(visit.Path, bytes);
                bytes.Add(0);
                bytes.Add((byte)'\n');
            }

            // One write(2) with O_APPEND: records of other writers land before or after it, never inside.
            RandomAccess.Write(handle, bytes.ToArray(), status.Size);
            return true;
        }
    }
}
