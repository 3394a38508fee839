using System.Text;
using NeuralVision.Tools.Jump.Journal;

namespace NeuralVision.Tools.Tests.Jump.Journal;

public class JournalDecoderTests
{
    [Fact]
    public void Decode_CompleteRecords_KeepEveryByteOfThePath()
    {
        byte[] hostile = [.. "/x/new\nline\t|pipe "u8, 0xFF, 0xFE, .. "/end"u8];
        byte[] data = [.. Record("1700000000 d /a"), .. Record("- d ", hostile), .. Record("12 f /file")];

        var (records, consumed) = JournalDecoder.Decode(data);

        Assert.Equal(data.Length, consumed);
        Assert.Equal(3, records.Count);
        Assert.Equal((1700000000L, (byte)'d', "/a"), (records[0].Time!.Value, records[0].Kind, Encoding.UTF8.GetString(records[0].Path)));
        Assert.Null(records[1].Time);
        Assert.Equal(hostile, records[1].Path);
        Assert.Equal((byte)'f', records[2].Kind);
    }

    [Fact]
    public void Decode_EscapedNewLine_BecomesANewLine()
    {
        byte[] data = [0, .. "5 d /a"u8, 0, (byte)'L', .. "b"u8, 0, (byte)'\n'];

        var (records, _) = JournalDecoder.Decode(data);

        Assert.Equal("/a\nb", Encoding.UTF8.GetString(Assert.Single(records).Path));
    }

    [Fact]
    public void Decode_TornRecordAtTheEnd_IsLeftForTheNextFoldUnlessFinal()
    {
        byte[] complete = Record("1 d /a");
        byte[] data = [.. complete, 0, .. "2 d /half-writ"u8];

        var (records, consumed) = JournalDecoder.Decode(data);
        Assert.Single(records);
        Assert.Equal(complete.Length, consumed);

        var (finalRecords, finalConsumed) = JournalDecoder.Decode(data, tailIsFinal: true);
        Assert.Single(finalRecords);
        Assert.Equal(data.Length, finalConsumed);
    }

    [Fact]
    public void Decode_TornRecordInTheMiddle_NeverSwallowsTheNextRecord()
    {
        // A record cut by a full disk, then zeros after a crash, then the second half of a split record, then a good one.
        byte[] data = [0, .. "3 d /cut-sh"u8, 0, 0, 0, .. "ort"u8, 0, (byte)'\n', .. Record("4 d /good")];

        var (records, consumed) = JournalDecoder.Decode(data);

        Assert.Equal(["/good"], records.Select(record => Encoding.UTF8.GetString(record.Path)));
        Assert.Equal(data.Length, consumed);
    }

    [Theory]
    [InlineData("x d /a")] // not a time
    [InlineData("1 dd /a")] // a kind is one letter
    [InlineData("1 d relative")] // not absolute
    [InlineData("1234567890123 d /a")] // 13 digits
    public void Decode_MalformedBody_IsSkipped(string body)
    {
        var (records, consumed) = JournalDecoder.Decode([.. Record(body), .. Record("1 d /next")]);

        Assert.Equal(["/next"], records.Select(record => Encoding.UTF8.GetString(record.Path)));
        Assert.True(consumed > 0);
    }

    [Fact]
    public void Decode_PathLongerThanPathMax_IsSkipped()
    {
        var (records, _) = JournalDecoder.Decode(Record("1 d /" + new string('a', JournalDecoder.MaximumPathBytes)));
        Assert.Empty(records);
    }

    internal static byte[] Record(string body, byte[]? pathTail = null) =>
        [0, .. Encoding.UTF8.GetBytes(body), .. pathTail ?? [], 0, (byte)'\n'];
}
