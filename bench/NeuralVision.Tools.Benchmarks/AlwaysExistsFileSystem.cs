using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Benchmarks;

/// <summary>
/// Every directory exists and no stat is made: the in-process numbers are the engine's own cost. (The generated paths
/// are not on disk, and the real file system would make Query delete them as missing.)
/// </summary>
public sealed class AlwaysExistsFileSystem : IFileSystem
{
    public static readonly AlwaysExistsFileSystem Instance = new();

    public bool DirectoryExists(string path) => true;

    public bool FileExists(string path) => false;

    public string? ResolveLinks(string path) => path;
}
