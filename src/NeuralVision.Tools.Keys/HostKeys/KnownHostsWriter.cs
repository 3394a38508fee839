using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>Adds a host to a known_hosts file the way ssh does after "yes": one new line at the end, nothing else touched.</summary>
public sealed class KnownHostsWriter
{
    private const int SaltLength = 20;
    private const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly SearchValues<char> NotInNames = SearchValues.Create(" \t\r\n,*?");

    private readonly Func<int, byte[]> randomBytes;

    public KnownHostsWriter()
        : this(RandomNumberGenerator.GetBytes)
    {
    }

    /// <param name="randomBytes">Returns that many random bytes; tests pass a fixed source to get a known salt.</param>
    public KnownHostsWriter(Func<int, byte[]> randomBytes)
    {
        ArgumentNullException.ThrowIfNull(randomBytes);
        this.randomBytes = randomBytes;
    }

    /// <summary>
    /// The line for a host: "NAME KEYTYPE BASE64", NAME lower-cased as ssh writes it, or with <paramref name="hash"/>
    /// (ssh's HashKnownHosts, on by default in Debian and Ubuntu) "|1|salt|hmac" with a fresh salt, so the file does
    /// not list the hosts the user visits. No comment: ssh writes none either.
    /// </summary>
    /// <param name="hostName">"host", "[host]:port" or an alias: <see cref="KnownHostsResult.HostName"/>.</param>
    public string FormatLine(string hostName, byte[] keyBlob, bool hash)
    {
        string name = CheckName(hostName).ToLowerInvariant();
        ArgumentNullException.ThrowIfNull(keyBlob);
        string keyType = KnownHosts.KeyTypeOf(keyBlob);
        string field = hash ? HashName(name, randomBytes(SaltLength)) : name;
        return $"{field} {keyType} {Convert.ToBase64String(keyBlob)}";
    }

    /// <summary>
    /// Appends <see cref="FormatLine"/> to <paramref name="path"/> and returns the line. A missing parent directory is
    /// created 0700 and a missing file 0600 by open(2) itself, so neither is ever briefly open to others. When the file
    /// does not end with a newline one is written first, or the new entry would be glued to the last line. The text
    /// goes out in one write(2) on an O_APPEND descriptor: .NET's FileMode.Append only seeks to the end and writes at
    /// that offset, which could overwrite a line another ssh appended in between.
    /// </summary>
    public string Append(string path, string hostName, byte[] keyBlob, bool hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string line = FormatLine(hostName, keyBlob, hash);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, PrivateDirectoryMode);
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite,
            UnixCreateMode = PrivateFileMode,
            BufferSize = 0,
        };
        using var file = new FileStream(path, options);
        SafeFileHandle handle = file.SafeFileHandle;
        LibC.SetAppendMode(handle, path);
        long length = RandomAccess.GetLength(handle);
        bool needsNewline = false;
        if (length > 0)
        {
            Span<byte> last = stackalloc byte[1];
            needsNewline = RandomAccess.Read(handle, last, length - 1) == 1 && last[0] != (byte)'\n';
        }

        byte[] bytes = Encoding.UTF8.GetBytes((needsNewline ? "\n" : "") + line + "\n");
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            using var stream = new DescriptorStream((int)handle.DangerousGetHandle());
            stream.Write(bytes);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return line;
    }

    /// <summary>ssh's host_hash: "|1|" BASE64(salt) "|" BASE64(HMAC-SHA1(key = salt, message = name)).</summary>
    public static string HashName(string name, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(salt);
        return $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(KnownHostsEntry.HostHash(salt, name))}";
    }

    /// <summary>
    /// Refuses names that would not read back as the same single name: white space would split the line, and ',', '*',
    /// '?', a leading '!' or '|' or '@' or '#' would make it a pattern list, a negation, a hash, a marker or a comment.
    /// </summary>
    private static string CheckName(string hostName)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostName);
        if (hostName.AsSpan().ContainsAny(NotInNames) || hostName.Any(char.IsControl) || "!|@#".Contains(hostName[0], StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{hostName}' cannot be written as a known_hosts name", nameof(hostName));
        }

        return hostName;
    }
}
