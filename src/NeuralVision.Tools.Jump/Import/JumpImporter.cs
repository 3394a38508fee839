using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>Reads a foreign jumper's file into entries ready for <see cref="JumpDatabase.Import"/>.</summary>
public static class JumpImporter
{
    /// <summary>
    /// Reads and parses <paramref name="path"/> (IOException when it cannot be read, <see cref="ImportException"/> when
    /// it is not a file of this format at all). fasd records files as well as directories in the same list, so each
    /// fasd path is looked up: an existing file becomes a file entry; directories and paths missing now stay
    /// directories (a missing path may be on an unmounted drive, so it is kept, never dropped; zoxide #105). Visit
    /// times in the future (a clock that was wrong) are brought back to <paramref name="now"/>, so they cannot stay on
    /// top for years.
    /// </summary>
    public static ImportFile Read(ImportFormat format, string path, IFileSystem fileSystem, long now, double maximumRank = ImportedValues.DefaultMaximumRank)
    {
        // IO failures propagate: an unreadable file is the caller's error to report, not a malformed one.
        byte[] data = File.ReadAllBytes(path);
        long lastWrite = new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds();

        var file = format switch
        {
            ImportFormat.Zoxide => ZoxideFormat.Parse(data, path, maximumRank),
            ImportFormat.Autojump => AutojumpFormat.Parse(data, path, Math.Min(lastWrite, now), maximumRank),
            _ => PipeSeparatedFormat.Parse(data, path, maximumRank),
        };

        var entries = file.Entries.Select(entry => entry with
        {
            LastAccess = Math.Min(entry.LastAccess, now),
            Kind = format == ImportFormat.Fasd && fileSystem.FileExists(entry.Path) ? EntryKind.File : EntryKind.Directory,
        }).ToList();
        return file with { Entries = entries };
    }
}
