namespace NeuralVision.Tools.Platform.Files;

/// <summary>What statx(2) says about a file: the fields nvt's checks of its own files need.</summary>
public readonly record struct FileStatus(ulong Device, ulong Inode, uint Mode, uint Owner, uint Links, long Size, long ModifiedSeconds)
{
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;
    private const uint LinkType = 0xA000;
    private const uint GroupOrOtherWrite = 0x12; // 020 | 002

    public bool IsRegularFile => (Mode & TypeMask) == RegularType;

    public bool IsDirectory => (Mode & TypeMask) == DirectoryType;

    public bool IsSymbolicLink => (Mode & TypeMask) == LinkType;

    /// <summary>Others than the owner may create, rename or delete entries in it (a directory) or change it (a file).</summary>
    public bool IsGroupOrWorldWritable => (Mode & GroupOrOtherWrite) != 0;

    /// <summary>The permission bits in octal, as ls and chmod spell them ("0777").</summary>
    public string Permissions => "0" + Convert.ToString(Mode & 0xFFF, 8);
}
