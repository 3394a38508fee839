namespace NeuralVision.Tools.Platform.Files;

/// <summary>The file system questions the jump engine asks; a seam so ranking tests need no real directories.</summary>
public interface IFileSystem
{
    bool DirectoryExists(string path);

    /// <summary>True for an existing path that is not a directory (a regular file, a device, a socket...).</summary>
    bool FileExists(string path);

    /// <summary>The path with every symbolic link resolved (realpath), or null when it cannot be resolved.</summary>
    string? ResolveLinks(string path);
}
