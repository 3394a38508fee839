using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Tells whether a directory lives on a network file system, where SQLite's WAL mode cannot work (it needs shared
/// memory that every client of the file sees) and a rollback journal must be used instead.
/// </summary>
public static class FileSystemKind
{
    // statfs(2) f_type magic numbers (linux/magic.h and the file systems' own headers).
    private static readonly HashSet<long> NetworkFileSystems =
    [
        0x6969, // NFS
        0x517B, // SMB
        0xFF534D42, // CIFS
        0xFE534D42, // SMB2
        0x73757245, // CODA
        0x5346414F, // AFS
        0x01021997, // 9P
        0x65735546, // FUSE (sshfs and friends)
        0x00C36400, // CEPH
        0x0BD00BD0, // Lustre
        0x01161970, // GFS2
        0x7461636F, // OCFS2
    ];

    public static bool IsNetworkFileSystemType(long type) => NetworkFileSystems.Contains(type);

    /// <summary>The statfs f_type of the file system holding <paramref name="path"/>, or null if it cannot be read.</summary>
    public static long? TypeOf(string path) => LibC.FileSystemType(path);
}
