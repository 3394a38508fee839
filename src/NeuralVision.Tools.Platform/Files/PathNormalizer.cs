using System.Text;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// Makes paths absolute and removes '.', '..' and repeated slashes lexically, without touching the file system
/// (symbolic links are kept as typed, like `cd` without -P).
/// </summary>
public static class PathNormalizer
{
    public static string Normalize(string path, string currentDirectory)
    {
        string absolute = path.StartsWith('/') ? path : currentDirectory + "/" + path;
        var parts = new List<string>();
        foreach (string part in absolute.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        if (parts.Count == 0)
        {
            return "/";
        }

        var builder = new StringBuilder(absolute.Length);
        foreach (string part in parts)
        {
            builder.Append('/').Append(part);
        }

        return builder.ToString();
    }

    /// <summary>The last component of a normalised path ("/" for the root).</summary>
    public static string LastComponent(string normalizedPath)
    {
        int slash = normalizedPath.LastIndexOf('/');
        return normalizedPath.Length == 1 ? normalizedPath : normalizedPath[(slash + 1)..];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsAtOrBelow(string path, string directory)
    {
        if (directory == "/")
        {
            return true;
        }

        return path.StartsWith(directory, StringComparison.Ordinal)
            && (path.Length == directory.Length || path[directory.Length] == '/');
    }
}
