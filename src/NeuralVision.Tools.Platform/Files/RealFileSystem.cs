using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>The real file system. Paths go to the kernel as their exact bytes (<see cref="PathBytes"/>).</summary>
public sealed class RealFileSystem : IFileSystem
{
    public static readonly RealFileSystem Instance = new();

    public bool DirectoryExists(string path) => LibC.Stat(path, followLinks: true) is { IsDirectory: true };

    public bool FileExists(string path) => LibC.Stat(path, followLinks: true) is { IsDirectory: false };

    public string? ResolveLinks(string path) => LibC.RealPath(path);
}
