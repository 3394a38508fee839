using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>The real file system.</summary>
public sealed class RealFileSystem : IFileSystem
{
    public static readonly RealFileSystem Instance = new();

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public bool FileExists(string path) => File.Exists(path);

    public string? ResolveLinks(string path) => LibC.RealPath(path);
}
