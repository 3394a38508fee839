

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>How the key reaches the remote authorized_keys.</summary>
public enum KeyCopyTransport
{
    /// <summary>SFTP, and the remote shell when the server has no SFTP subsystem.</summary>
    Auto,

    /// <summary>SFTP only: whole-file replace through a temp file and posix-rename, works without a login shell.</summary>
    Sftp,

    /// <summary>The remote shell only: ssh-copy-id's POSIX sh script, appending with the key on stdin.</summary>
    Exec,
}
