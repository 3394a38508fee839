using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>Directories exist when listed; links resolve through a dictionary.</summary>
public sealed class FakeFileSystem : IFileSystem
{
    public HashSet<string> Directories { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

    public bool DirectoryExists(string path) => Directories.Contains(path);

    public bool FileExists(string path) => Files.Contains(path);

    public string? ResolveLinks(string path) => Links.TryGetValue(path, out var target) ? target : path;
}
