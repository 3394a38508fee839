using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>Reads a foreign jumper's file into entries ready for <see cref="JumpDatabase.Import"/>.</summary>
public static class JumpImporter
{
    /// <summary>The largest file read: zoxide's db.zo of 100,000 entries is about 10 MB.</summary>
    public const int MaximumFileBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Reads and parses <paramref name="path"/> (IOException when it cannot be read, <see cref="ImportException"/> when
    /// it is not a file of this format at all). fasd records files as well as directories in the same list, so each
    /// fasd path is looked up: an existing file becomes a file entry; directories and paths missing now stay
    /// directories (a missing path may be on an unmounted drive, so it is kept, never dropped; zoxide #105). Visit
    /// times in the future (a clock that was wrong) are brought back to <paramref name="now"/>, so they cannot stay on
    /// top for years, and ranks above <paramref name="maximumRank"/> are lowered to it (counted in
    /// <see cref="ImportFile.LoweredRanks"/>).
    /// </summary>
    public static ImportFile Read(ImportFormat format, string path, IFileSystem fileSystem, long now, double maximumRank = ImportedValues.DefaultMaximumRank)
    {
        // IO failures propagate: an unreadable file is the caller's error to report, not a malformed one. Regular files
        // only, with a cap: a FIFO must not hang the import, /dev/zero must not fill the memory.
        byte[] data = RegularFile.ReadAll(path, MaximumFileBytes);
        long lastWrite = new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds();

        var file = format switch
        {
            ImportFormat.Zoxide => ZoxideFormat.Parse(data, path),
            ImportFormat.Autojump => AutojumpFormat.Parse(data, path, Math.Min(lastWrite, now)),
            _ => PipeSeparatedFormat.Parse(data, path),
        };

        int lowered = 0;
        var entries = new List<JumpEntry>(file.Entries.Count);
        foreach (var entry in file.Entries)
        {
            lowered += entry.Rank > maximumRank ? 1 : 0;
            entries.Add(entry with
            {
                Rank = Math.Min(entry.Rank, maximumRank),
                LastAccess = Math.Min(entry.LastAccess, now),
                Kind = format == ImportFormat.Fasd && fileSystem.FileExists(entry.Path) ? EntryKind.File : EntryKind.Directory,
            });
        }

        return file with { Entries = entries, LoweredRanks = lowered };
    }
}
