namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// Paths under a machine's home travel relative to it ("~", "~/src/x") and land under the receiving machine's home, so
/// /home/alice/src/x on one machine is /u/alice-b/src/x on the other; every other path travels as it is. An absolute
/// path starts with '/', so a leading '~' cannot be mistaken for a directory named "~".
/// </summary>
public static class PortablePath
{
    private const byte Tilde = (byte)'~';
    private const byte Slash = (byte)'/';

    public static byte[] ToPortable(byte[] path, byte[] home)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] root = Trimmed(home);
        if (root.Length == 0)
        {
            return path;
        }

        if (path.AsSpan().SequenceEqual(root))
        {
            return [Tilde];
        }

        return path.Length > root.Length && path[root.Length] == Slash && path.AsSpan(0, root.Length).SequenceEqual(root)
            ? [Tilde, .. path.AsSpan(root.Length)]
            : path;
    }

    /// <summary>The local path, or null when <paramref name="portable"/> is not one nvt would have sent.</summary>
    public static byte[]? ToLocal(byte[] portable, byte[] home)
    {
        ArgumentNullException.ThrowIfNull(portable);
        byte[] local = portable.Length > 0 && portable[0] == Tilde
            ? portable.Length == 1 ? Rooted(home) : portable.Length > 1 && portable[1] == Slash ? [.. Trimmed(home), .. portable.AsSpan(1)] : []
            : portable;
        return IsCanonical(local) ? local : null;
    }

    /// <summary>What <see cref="ToPortable"/> can produce from a canonical path: "~", "~/" and a clean rest, or a canonical path.</summary>
    public static bool IsPortable(ReadOnlySpan<byte> portable) =>
        portable.Length > 0 && portable[0] == Tilde
            ? portable.Length == 1 || (portable[1] == Slash && portable.Length > 2 && IsCanonical(portable[1..]))
            : IsCanonical(portable);

    /// <summary>Absolute, no empty, "." or ".." component, no NUL, no trailing slash: what the store records.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> path)
    {
        if (path.Length == 1 && path[0] == Slash)
        {
            return true;
        }

        if (path.Length < 2 || path[0] != Slash || path[^1] == Slash || path.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        foreach (var range in path[1..].Split(Slash))
        {
            var component = path[1..][range];
            if (component.Length == 0 || component.SequenceEqual("."u8) || component.SequenceEqual(".."u8))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Trimmed(byte[] home)
    {
        int length = home.Length;
        while (length > 0 && home[length - 1] == Slash)
        {
            length--;
        }

        return home[..length];
    }

    private static byte[] Rooted(byte[] home) => Trimmed(home) is { Length: > 0 } trimmed ? trimmed : [Slash];
}
