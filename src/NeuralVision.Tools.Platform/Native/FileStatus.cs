namespace NeuralVision.Tools.Platform.Native;

/// <summary>What stat(2) says about a file, as far as nvt asks: the st_mode word (type and permission bits), owner, group, size.</summary>
public readonly record struct FileStatus(int Mode, uint UserId, uint GroupId, long Size)
{
    private const int TypeMask = 0xF000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    /// <summary>The permission bits (the low 12: rwx for owner, group, others, and setuid/setgid/sticky).</summary>
    public int Permissions => Mode & 0xFFF;

    /// <summary>"a directory", "a FIFO", ...: what a file that is not a regular file is, for messages.</summary>
    public string KindDescription => (Mode & TypeMask) switch
    {
        0x8000 => "a regular file",
        0x4000 => "a directory",
        0x1000 => "a FIFO",
        0xC000 => "a socket",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xA000 => "a symbolic link",
        _ => "not a regular file",
    };
}
