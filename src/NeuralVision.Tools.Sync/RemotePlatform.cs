using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// What `nvt sync HOST --install` checks before it uploads this binary: the remote kernel and machine (uname -s -m)
/// must be this one's, and its C library glibc at least as new as the newest GLIBC_x.y symbol version this binary
/// links against (a musl system cannot load it at all).
/// </summary>
/// <param name="Libc">The first line of `ldd --version`.</param>
internal sealed record RemotePlatform(string Kernel, string Machine, string Libc)
{
    /// <summary>The probe, run by sh whatever the login shell is.</summary>
    public const string Probe = "exec sh -c 'uname -s -m; ldd --version 2>&1 | head -n 1'";

    public static RemotePlatform Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var uname = lines.Length > 0 ? lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return new RemotePlatform(uname.ElementAtOrDefault(0) ?? "", uname.ElementAtOrDefault(1) ?? "", lines.ElementAtOrDefault(1) ?? "");
    }

    /// <summary>The glibc version the remote reports, or null when its libc is not glibc.</summary>
    public Version? GlibcVersion =>
        Libc.Contains("GLIBC", StringComparison.OrdinalIgnoreCase) || Libc.Contains("GNU libc", StringComparison.Ordinal)
            ? Version.TryParse(Libc.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(), out var version) ? version : null
            : null;

    /// <summary>uname -m of this machine as the binary was built for it.</summary>
    public static string LocalMachine => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.Arm => "armv7l",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Why this binary cannot run there; null when it can.</summary>
    public string? Mismatch(Version required)
    {
        if (Kernel != "Linux")
        {
            return $"it runs {(Kernel.Length == 0 ? "an unknown system" : Kernel)}, and this nvt is a Linux program";
        }

        if (Machine != LocalMachine)
        {
            return $"it is an {Machine} machine, and this nvt is built for {LocalMachine}";
        }

        if (GlibcVersion is not Version glibc)
        {
            return Libc.Contains("musl", StringComparison.OrdinalIgnoreCase)
                ? $"it uses musl libc, and this nvt needs glibc {required} or newer"
                : $"its C library is not glibc ({(Libc.Length == 0 ? "ldd --version said nothing" : Libc)}), and this nvt needs glibc {required} or newer";
        }

        return glibc < required ? $"its glibc is {glibc}, and this nvt needs {required} or newer" : null;
    }

    /// <summary>The newest GLIBC_x.y version named in a binary (its symbol version requirements).</summary>
    public static Version RequiredGlibc(ReadOnlySpan<byte> binary)
    {
        var newest = new Version(2, 17);
        ReadOnlySpan<byte> marker = "GLIBC_"u8;
        int start = 0;
        while (binary[start..].IndexOf(marker) is int found and >= 0)
        {
            int at = start + found + marker.Length;
            int end = at;
            while (end < binary.Length && (char.IsAsciiDigit((char)binary[end]) || binary[end] == '.'))
            {
                end++;
            }

            if (Version.TryParse(Encoding.ASCII.GetString(binary[at..end]), out var version) && version.Major == 2 && version > newest)
            {
                newest = version;
            }

            start = end;
        }

        return newest;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kernel} {Machine}, {Libc}");
}
