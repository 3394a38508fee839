using System.Globalization;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>
/// Why sshd ignores a key that is in ~/.ssh/authorized_keys, found over SFTP, for the reasons that are usual:
/// StrictModes (upstream OpenSSH's safe_path: the file and every directory up to the home, or up to / for a file
/// outside it, owned by the user or root and not writable by group or others), an authorized_keys that is not a
/// regular file or not readable, and a key line whose from="…" option excludes this client. Strict as upstream:
/// Debian's sshd also accepts a group-writable home when the group is the user's private group, which the fix
/// commands make moot anyway.
/// </summary>
public static class ServerDiagnosis
{
    private const string AuthorizedKeys = ".ssh/authorized_keys";

    public static IReadOnlyList<Finding> Run(SftpClient sftp, string user, SshPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(sftp);
        ArgumentNullException.ThrowIfNull(key);
        var findings = new List<Finding>();
        string home = sftp.WorkingDirectory;
        int? uid = UserId(sftp, user) ?? Attributes(sftp, home)?.UserId;
        if (!sftp.Exists(AuthorizedKeys))
        {
            findings.Add(new Finding($"{home}/{AuthorizedKeys} does not exist", "nvt keys copy (again)"));
            return findings;
        }

        string file = sftp.Get(AuthorizedKeys).FullName; // realpath: a link is judged where it points, as sshd does
        var attributes = Attributes(sftp, file);
        if (attributes is null)
        {
            findings.Add(new Finding($"{file} cannot be examined over SFTP", null));
            return findings;
        }

        if (attributes.IsDirectory)
        {
            findings.Add(new Finding($"{file} is a directory, not a file", $"mv ~/{AuthorizedKeys} ~/{AuthorizedKeys}.dir"));
            return findings;
        }

        if (!attributes.IsRegularFile)
        {
            findings.Add(new Finding($"{file} is not a regular file", $"mv ~/{AuthorizedKeys} ~/{AuthorizedKeys}.old"));
            return findings;
        }

        Check(findings, file, attributes, uid, user, isFile: true, Shown(file, home));
        bool insideHome = file.StartsWith(home + "/", StringComparison.Ordinal);
        for (string? directory = Parent(file); directory is not null; directory = Parent(directory))
        {
            if (Attributes(sftp, directory) is { } parent)
            {
                Check(findings, directory, parent, uid, user, isFile: false, Shown(directory, home));
            }

            // sshd stops after the home directory; a file outside it is checked up to /.
            if (insideHome && directory == home)
            {
                break;
            }
        }

        if (findings.Count == 0)
        {
            FindKeyLineProblems(sftp, key, findings);
        }

        return findings;
    }

    /// <summary>sshd's rule for one path: owned by the user or root, no write bit for group or others; readable (searchable) by its owner.</summary>
    private static void Check(List<Finding> findings, string path, SftpFileAttributes attributes, int? uid, string user, bool isFile, string shown)
    {
        if (uid is int owner && attributes.UserId != owner && attributes.UserId != 0)
        {
            findings.Add(new Finding(
                string.Create(CultureInfo.InvariantCulture, $"{path} belongs to user id {attributes.UserId}, not to {user} or root"),
                $"sudo chown {user}: {shown}"));
        }

        string mode = Mode(attributes);
        if (attributes.GroupCanWrite || attributes.OthersCanWrite)
        {
            string who = attributes.OthersCanWrite ? "everyone" : "its group";
            string fix = isFile ? $"chmod 600 {shown}" : shown == "~/.ssh" ? "chmod 700 ~/.ssh" : $"chmod go-w {shown}";
            findings.Add(new Finding($"{path} is writable by {who} (mode {mode}), so sshd's StrictModes ignores the keys under it", fix));
        }
        else if (isFile ? !attributes.OwnerCanRead : !(attributes.OwnerCanRead && attributes.OwnerCanExecute))
        {
            findings.Add(new Finding($"{path} cannot be {(isFile ? "read" : "searched")} by {user} (mode {mode})", isFile ? $"chmod 600 {shown}" : $"chmod 700 {shown}"));
        }
    }

    /// <summary>The key's own line: a from="…" pattern list limits the hosts it logs in from.</summary>
    private static void FindKeyLineProblems(SftpClient sftp, SshPublicKey key, List<Finding> findings)
    {
        string content;
        try
        {
            content = Encoding.UTF8.GetString(sftp.ReadAllBytes(AuthorizedKeys));
        }
        catch (SshException)
        {
            findings.Add(new Finding($"~/{AuthorizedKeys} cannot be read over SFTP", "chmod 600 ~/" + AuthorizedKeys));
            return;
        }

        foreach (string line in content.Split('\n'))
        {
            if (Keys.AuthorizedKeys.KeyOf(line) is byte[] blob && blob.AsSpan().SequenceEqual(key.Blob))
            {
                string text = line.TrimStart();
                if (!text.StartsWith(key.TypeName + " ", StringComparison.Ordinal) && text.Contains("from=", StringComparison.Ordinal))
                {
                    findings.Add(new Finding("the key's line in ~/" + AuthorizedKeys + " has a from=\"…\" option that may exclude this machine", null));
                }

                return;
            }
        }

        findings.Add(new Finding($"the key is not in ~/{AuthorizedKeys} (sshd may read another AuthorizedKeysFile)", null));
    }

    private static int? UserId(SftpClient sftp, string user)
    {
        try
        {
            foreach (string line in Encoding.UTF8.GetString(sftp.ReadAllBytes("/etc/passwd")).Split('\n'))
            {
                string[] fields = line.Split(':');
                if (fields.Length >= 4 && fields[0] == user && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int uid))
                {
                    return uid;
                }
            }
        }
        catch (SshException)
        {
            // No /etc/passwd over SFTP (a chroot): the home's owner stands for the user.
        }

        return null;
    }

    private static SftpFileAttributes? Attributes(SftpClient sftp, string path)
    {
        try
        {
            return sftp.GetAttributes(path);
        }
        catch (SshException)
        {
            return null;
        }
    }

    private static string? Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? (path == "/" ? null : "/") : path[..slash];
    }

    /// <summary>The path as the fix command names it: under the home with "~", else as it is.</summary>
    private static string Shown(string path, string home) =>
        path == home ? "~" : path.StartsWith(home + "/", StringComparison.Ordinal) ? "~" + path[home.Length..] : path;

    private static string Mode(SftpFileAttributes a)
    {
        int mode = (a.OwnerCanRead ? 0x100 : 0) | (a.OwnerCanWrite ? 0x80 : 0) | (a.OwnerCanExecute ? 0x40 : 0)
            | (a.GroupCanRead ? 0x20 : 0) | (a.GroupCanWrite ? 0x10 : 0) | (a.GroupCanExecute ? 0x8 : 0)
            | (a.OthersCanRead ? 0x4 : 0) | (a.OthersCanWrite ? 0x2 : 0) | (a.OthersCanExecute ? 0x1 : 0)
            | (a.IsStickyBitSet ? 0x200 : 0);
        return "0" + Convert.ToString(mode, 8);
    }
}
