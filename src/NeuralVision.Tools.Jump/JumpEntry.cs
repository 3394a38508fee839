using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>One recorded path: accumulated rank, last visit (Unix seconds) and whether it is a directory or a file.</summary>
public sealed record JumpEntry(string Path, double Rank, long LastAccess, EntryKind Kind = EntryKind.Directory)
{
    public double Score(long now) => Frecency.Score(Rank, LastAccess, now);

    public bool IsKind(KindFilter filter) => filter switch
    {
        KindFilter.Directories => Kind == EntryKind.Directory,
        KindFilter.Files => Kind == EntryKind.File,
        _ => true,
    };

    /// <summary>Whether the path still exists as what it was recorded as.</summary>
    public bool ExistsIn(IFileSystem fileSystem) =>
        Kind == EntryKind.Directory ? fileSystem.DirectoryExists(Path) : fileSystem.FileExists(Path);
}
