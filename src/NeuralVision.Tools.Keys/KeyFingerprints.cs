using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// `nvt keys fingerprint` and `keys list`'s engine: the keys a file names and their comments, exactly as
/// `ssh-keygen -l -f FILE` finds them (ssh-keygen.c do_fingerprint and fingerprint_private, OpenSSH 9.2), judged by
/// the real ssh-keygen in the tests. Differences on purpose: only regular files are read, at most
/// <see cref="MaxFileBytes"/> (ssh-keygen hangs on a FIFO and fills its memory from /dev/zero), and the lines it
/// skips are named.
/// </summary>
public static class KeyFingerprints
{
    /// <summary>Far more than any key file: an authorized_keys of 32 MiB holds some 70,000 RSA keys.</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>The name ssh-keygen gives standard input (FILE "-") in its messages.</summary>
    public const string StandardInputName = "(stdin)";

    private const int PrivateModeBits = 0x3f; // 077

    /// <param name="path">The file as the user named it: messages and comments print it back as typed.</param>
    /// <param name="utf8">The locale's character set, for the escaped path in messages.</param>
    /// <exception cref="NvtException">The file cannot be read or holds no key; one sentence naming it.</exception>
    public static FingerprintReport Read(string path, string currentDirectory, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool standardInput = path == "-";
        string shown = standardInput ? StandardInputName : TerminalText.Escape(path, utf8);
        string full = standardInput ? path : Path.GetFullPath(path, currentDirectory);
        byte[] content = standardInput ? ReadStandardInput() : ReadFile(full, shown);
        var lines = PublicKeyLines.Lines(content).ToList();
        // ssh-keygen takes a file for a private key when its very first line (after blanks) says PRIVATE KEY; not
        // on standard input, where a private key is just not a public key file.
        if (!standardInput && lines.Count > 0 && lines[0].Line.AsSpan().TrimStart(" \t"u8).IndexOf("PRIVATE KEY"u8) >= 0)
        {
            return Private(path, full, shown, content);
        }

        var keys = new List<FingerprintedKey>();
        var notes = new List<string>();
        foreach (var (number, line) in lines)
        {
            switch (PublicKeyLines.ReadLine(line, out var key, out string reason))
            {
                case PublicKeyLines.LineKind.Key:
                    keys.Add(key!);
                    break;
                case PublicKeyLines.LineKind.NotAKey:
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"nvt: {shown}:{number}: not a public key ({TerminalText.Escape(reason, utf8)})"));
                    break;
            }
        }

        if (keys.Count == 0)
        {
            throw new NvtException($"{shown} is not a public key file", ExitCodes.Error, notes, null);
        }

        return new FingerprintReport(keys, notes);
    }

    /// <summary>
    /// The line ssh-keygen -l prints for a key, escaped for the terminal as ssh-keygen's mprintf escapes it:
    /// "BITS SHA256:… COMMENT (TYPE)", "no comment" when there is none.
    /// </summary>
    public static string Line(FingerprintedKey entry, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] comment = entry.Comment ?? "no comment"u8.ToArray();
        var key = entry.Key;
        byte[] line = [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key.Bits} {key.Fingerprint} ")), .. comment,
            .. Encoding.ASCII.GetBytes($" ({key.DisplayType})")];
        return TerminalText.Escape(line, utf8);
    }

    /// <summary>
    /// fingerprint_private: the key from the file itself read as a public key file, else from FILE.pub, else from the
    /// openssh-key-v1 header; the comment from there, or else from the private key when it loads without a
    /// passphrase (not when the file is open to others, which ssh-keygen refuses with its warning).
    /// </summary>
    private static FingerprintReport Private(string path, string full, string shown, byte[] content)
    {
        var notes = new List<string>();
        var found = PublicKeyLines.FirstKey(content, Encoding.UTF8.GetBytes(path)) ?? PublicFile(full + ".pub", path + ".pub");
        SshPublicKey? key = found?.Key ?? OpenSshKeyFile.PublicKey(content);
        byte[]? comment = found?.Comment;
        SshPublicKey? privateKey = null;
        if (key is null || comment is null || comment.Length == 0)
        {
            if (TooOpen(full, path, notes))
            {
                comment = null;
            }
            else if (OpenSshKeyFile.LooksLikeOne(content))
            {
                comment = OpenSshKeyFile.PrivateComment(content);
            }
            else
            {
                privateKey = PemKeyFile.PublicKey(content);
                comment = null;
            }
        }

        var shownKey = key ?? privateKey ?? throw new NvtException($"{shown} is not a key file", ExitCodes.Error, notes, null);
        return new FingerprintReport([new FingerprintedKey(shownKey, comment)], notes);
    }

    /// <summary>The first key of FILE.pub; null when it is missing, not a regular file (a FIFO does not block), or holds none.</summary>
    private static FingerprintedKey? PublicFile(string full, string path)
    {
        try
        {
            return PublicKeyLines.FirstKey(RegularFile.ReadAll(full, MaxFileBytes), Encoding.UTF8.GetBytes(path));
        }
        catch (FileReadException)
        {
            return null;
        }
    }

    /// <summary>sshkey_perm_ok: the caller's own private key must not be open to group or others; the warning is ssh's.</summary>
    private static bool TooOpen(string full, string path, List<string> notes)
    {
        // ssh-keygen compares with getuid(); nvt is never setuid, so the effective id is the same.
        if (LibC.Stat(full, followLinks: true) is not { } status || status.Owner != LibC.EffectiveUserId() || (status.Mode & PrivateModeBits) == 0)
        {
            return false;
        }

        notes.Add("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@");
        notes.Add("@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @");
        notes.Add("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@");
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Permissions 0{Convert.ToString(status.Mode & 0x1ff, 8)} for '{path}' are too open."));
        notes.Add("It is required that your private key files are NOT accessible by others.");
        notes.Add("This private key will be ignored.");
        return true;
    }

    private static byte[] ReadStandardInput()
    {
        try
        {
            return RegularFile.ReadStandardInput(MaxFileBytes);
        }
        catch (FileReadException e)
        {
            throw new NvtException($"{StandardInputName} {e.Reason}");
        }
    }

    private static byte[] ReadFile(string full, string shown)
    {
        try
        {
            return RegularFile.ReadAll(full, MaxFileBytes);
        }
        catch (FileReadException e)
        {
            throw new NvtException(e.Problem is FileReadProblem.NotRegular or FileReadProblem.TooLarge ? $"{shown} {e.Reason}" : $"{shown}: {e.Reason}");
        }
    }
}
