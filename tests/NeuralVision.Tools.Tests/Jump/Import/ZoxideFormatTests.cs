using System.Buffers.Binary;
using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Import;

namespace NeuralVision.Tools.Tests.Jump.Import;

public class ZoxideFormatTests
{
    [Fact]
    public void Parse_Version3_ReadsEveryEntry()
    {
        byte[] data = DbZo(3, ("/home/u/a/proj", 2.0, 1_795_736_577UL), ("/home/u/b c/x|y", 1.0, 5UL), ("/home/u/ünï", 0.5, 7UL));

        var file = ZoxideFormat.Parse(data, "db.zo");

        Assert.Empty(file.Problems);
        Assert.Equal(
            [new JumpEntry("/home/u/a/proj", 2, 1_795_736_577), new JumpEntry("/home/u/b c/x|y", 1, 5), new JumpEntry("/home/u/ünï", 0.5, 7)],
            file.Entries);
    }

    [Fact]
    public void Parse_TheBytesZoxide043Wrote_MatchTheDocumentedExample()
    {
        // `zoxide add /tmp/x` twice with zoxide 0.4.3, as in shared/docs/jumpers.md.
        byte[] data = Convert.FromHexString("03000000" + "0100000000000000" + "0600000000000000" + "2F746D702F78" + "0000000000000040" + "01C4086B00000000");

        var entry = Assert.Single(ZoxideFormat.Parse(data, "db.zo").Entries);

        Assert.Equal(new JumpEntry("/tmp/x", 2.0, 0x6B08C401), entry);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    [InlineData(4u)]
    public void Parse_OtherVersion_IsRefusedClearly(uint version)
    {
        var error = Assert.Throws<ImportException>(() => ZoxideFormat.Parse(DbZo(version, ("/a", 1, 1)), "db.zo"));

        Assert.Equal($"db.zo: unsupported zoxide database version {version} (nvt reads version 3, written by zoxide 0.3 and later)", error.Message);
    }

    [Fact]
    public void Parse_ShorterThanTheVersion_IsRefused()
    {
        var error = Assert.Throws<ImportException>(() => ZoxideFormat.Parse([3, 0], "db.zo"));

        Assert.Equal("db.zo: not a zoxide database: 2 bytes, too short for the version number", error.Message);
    }

    [Fact]
    public void Parse_CutInsideTheHeader_IsRefused()
    {
        var error = Assert.Throws<ImportException>(() => ZoxideFormat.Parse([3, 0, 0, 0, 1, 0], "db.zo"));

        Assert.Equal("db.zo: truncated: the file ends inside its header (6 bytes)", error.Message);
    }

    [Theory]
    [InlineData(1)] // inside the last entry's time
    [InlineData(16)] // exactly rank and time missing
    [InlineData(18)] // inside the path
    public void Parse_Truncated_KeepsTheEntriesBeforeTheCutAndReportsIt(int bytesCut)
    {
        byte[] data = DbZo(3, ("/first", 1, 1), ("/second/x", 2, 2));

        var file = ZoxideFormat.Parse(data.AsSpan(0, data.Length - bytesCut), "db.zo");

        Assert.Equal([new ImportProblem("db.zo", "truncated: the file ends inside entry 2 of 2")], file.Problems);
        Assert.Equal([new JumpEntry("/first", 1, 1)], file.Entries);
        Assert.Equal(1, file.SkippedEntries);
    }

    [Fact]
    public void Parse_CountLargerThanTheFile_IsTruncation()
    {
        byte[] data = DbZo(3, ("/only", 1, 1));
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(4), 1000);

        var file = ZoxideFormat.Parse(data, "db.zo");

        Assert.Equal([new ImportProblem("db.zo", "truncated: the file ends inside entry 2 of 1000")], file.Problems);
        Assert.Equal(999, file.SkippedEntries);
    }

    [Fact]
    public void Parse_HugePathLength_IsTruncationNotACrash()
    {
        byte[] data = DbZo(3, ("/only", 1, 1));
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(12), ulong.MaxValue);

        var file = ZoxideFormat.Parse(data, "db.zo");

        Assert.Equal("truncated: the file ends inside entry 1 of 1", Assert.Single(file.Problems).Reason);
    }

    [Fact]
    public void Parse_BadEntries_AreReportedByNumberAndTheRestRead()
    {
        byte[] data = DbZo(3, ("relative", 1, 1), ("/nan", double.NaN, 1), ("/ok", 1, 1), ("/late", 1, ulong.MaxValue));

        var file = ZoxideFormat.Parse(data, "db.zo");

        Assert.Equal(
            [
                new ImportProblem("db.zo", "entry 1 of 4: path 'relative' is not absolute"),
                new ImportProblem("db.zo", "entry 2 of 4: rank NaN is not between 0 and 1000 (NVT_MAXAGE / 10)"),
                new ImportProblem("db.zo", $"entry 4 of 4: time {ulong.MaxValue} is out of range"),
            ],
            file.Problems);
        Assert.Equal([new JumpEntry("/ok", 1, 1)], file.Entries);
        Assert.Equal(3, file.SkippedEntries);
    }

    [Fact]
    public void Parse_TrailingBytes_AreAProblem()
    {
        byte[] data = [.. DbZo(3, ("/ok", 1, 1)), 1, 2, 3];

        var file = ZoxideFormat.Parse(data, "db.zo");

        Assert.Equal([new ImportProblem("db.zo", "3 unexpected bytes after the last of 1 entries")], file.Problems);
        Assert.Single(file.Entries);
    }

    /// <summary>A db.zo as zoxide writes it: bincode, fixed-width little-endian integers.</summary>
    internal static byte[] DbZo(uint version, params (string Path, double Rank, ulong Epoch)[] entries)
    {
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, version);
        bytes.AddRange(buffer[..4].ToArray());
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)entries.Length);
        bytes.AddRange(buffer.ToArray());
        foreach (var (path, rank, epoch) in entries)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(path);
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)utf8.Length);
            bytes.AddRange(buffer.ToArray());
            bytes.AddRange(utf8);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, rank);
            bytes.AddRange(buffer.ToArray());
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, epoch);
            bytes.AddRange(buffer.ToArray());
        }

        return [.. bytes];
    }
}
