using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Tells whether a directory lives on a network file system, where the rollback journal is deleted rather than truncated.
/// </summary>
public static class FileSystemKind
{
    /// <summary>statfs(2) f_type magic numbers (linux/magic.h); a switch, not a set: it is asked at every open.</summary>
    public static bool IsNetworkFileSystemType(long type) => type is
        0x6969 // NFS
        or 0x517B // SMB
        or 0xFF534D42 // CIFS
        or 0xFE534D42 // SMB2
        or 0x73757245 // CODA
        or 0x5346414F // AFS
        or 0x01021997 // 9P
        or 0x65735546 // FUSE (sshfs and friends)
        or 0x00C36400 // CEPH
        or 0x0BD00BD0 // Lustre
        or 0x01161970 // GFS2
        or 0x7461636F; // OCFS2

    /// <summary>The statfs f_type of the file system holding <paramref name="path"/>, or null if it cannot be read.</summary>
    public static long? TypeOf(string path) => LibC.FileSystemType(path);
}
