using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Import;

namespace NeuralVision.Tools.Tests.Jump.Import;

public class PipeSeparatedFormatTests
{
    [Theory]
    [InlineData("/home/u/src|12|1700000000", "/home/u/src", 12.0, 1_700_000_000L)]
    [InlineData("/home/u/src|2.5|1700000000", "/home/u/src", 2.5, 1_700_000_000L)]
    [InlineData("/home/u/src|10.0999|1", "/home/u/src", 10.0999, 1L)]
    [InlineData("/home/u/src|8,91|1700000000", "/home/u/src", 8.91, 1_700_000_000L)] // z.lua under a ',' locale
    [InlineData("/home/u/a|b|c|3|1700000000", "/home/u/a|b|c", 3.0, 1_700_000_000L)] // '|' inside the path
    [InlineData("/home/u/my dir|1|5", "/home/u/my dir", 1.0, 5L)]
    [InlineData("/home/u/ünïcødé/日本|4|5", "/home/u/ünïcødé/日本", 4.0, 5L)]
    [InlineData("/home/u/src/|1|5", "/home/u/src", 1.0, 5L)] // normalised like every stored path
    [InlineData("/home/u/src|1e2|5", "/home/u/src", 100.0, 5L)]
    [InlineData("/home/u/src| 3 | 5 ", "/home/u/src", 3.0, 5L)]
    public void Parse_GoodLine_ReadsPathRankAndTime(string line, string path, double rank, long time)
    {
        var file = Parse(line + "\n");

        Assert.Empty(file.Problems);
        Assert.Equal([new JumpEntry(path, rank, time)], file.Entries);
    }

    [Theory]
    [InlineData("/home/u/src", "expected PATH|RANK|EPOCH")]
    [InlineData("/home/u/src|12", "expected PATH|RANK|EPOCH")]
    [InlineData("src|1|5", "path 'src' is not absolute")]
    [InlineData("|1|5", "empty path")]
    [InlineData("/a|x|5", "rank 'x' is not a non-negative number")]
    [InlineData("/a|-1|5", "rank '-1' is not a non-negative number")]
    [InlineData("/a|NaN|5", "rank 'NaN' is not a non-negative number")]
    [InlineData("/a|1|", "time '' is not a non-negative whole number of seconds")]
    [InlineData("/a|1|1.5", "time '1.5' is not a non-negative whole number of seconds")]
    [InlineData("/a|1|-5", "time '-5' is not a non-negative whole number of seconds")]
    public void Parse_BadLine_ReportsFileLineAndReason(string line, string reason)
    {
        var file = Parse("/ok|1|1\n" + line + "\n/also-ok|1|1\n");

        Assert.Equal([new ImportProblem("DATA:2", reason)], file.Problems);
        Assert.Equal(["/ok", "/also-ok"], file.Entries.Select(entry => entry.Path));
        Assert.Equal(1, file.SkippedEntries);
    }

    [Fact]
    public void Parse_CrlfBlankLinesAndNoFinalNewline_AreTolerated()
    {
        var file = Parse("/a|1|10\r\n\r\n   \n/b c|2|20\r\n/d|3|30");

        Assert.Empty(file.Problems);
        Assert.Equal(
            [new JumpEntry("/a", 1, 10), new JumpEntry("/b c", 2, 20), new JumpEntry("/d", 3, 30)],
            file.Entries);
    }

    [Fact]
    public void Parse_InvalidUtf8Line_IsOneBadLine()
    {
        byte[] data = [.. "/a|1|1\n/b"u8, 0xff, .. "|1|1\n/c|1|1\n"u8];

        var file = PipeSeparatedFormat.Parse(data, "DATA");

        Assert.Equal([new ImportProblem("DATA:2", "not valid UTF-8")], file.Problems);
        Assert.Equal(["/a", "/c"], file.Entries.Select(entry => entry.Path));
    }

    [Fact]
    public void Parse_EmptyFile_HasNoEntriesAndNoProblems()
    {
        var file = Parse("");

        Assert.Empty(file.Entries);
        Assert.Empty(file.Problems);
    }

    private static ImportFile Parse(string text) => PipeSeparatedFormat.Parse(Encoding.UTF8.GetBytes(text), "DATA");
}
