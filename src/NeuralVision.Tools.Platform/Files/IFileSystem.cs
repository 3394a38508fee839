using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Platform;

/// <summary>The file system questions the jump engine asks; a seam so ranking tests need no real directories.</summary>
public interface IFileSystem
{
    bool DirectoryExists(string path);

    /// <summary>True for an existing path that is not a directory (a regular file, a device, a socket...).</summary>
    bool FileExists(string path);

    /// <summary>The path with every symbolic link resolved (realpath), or null when it cannot be resolved.</summary>
    string? ResolveLinks(string path);
}

public sealed partial class RealFileSystem : IFileSystem
{
    public static readonly RealFileSystem Instance = new();

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public bool FileExists(string path) => File.Exists(path);

    public string? ResolveLinks(string path)
    {
        IntPtr resolved = RealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
