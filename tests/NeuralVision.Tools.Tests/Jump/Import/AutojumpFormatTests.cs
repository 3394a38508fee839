using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Import;

namespace NeuralVision.Tools.Tests.Jump.Import;

public class AutojumpFormatTests
{
    private const long LastWrite = 1_700_000_000;

    [Theory]
    [InlineData(10.0, 1.0)] // one visit
    [InlineData(14.142135623730951, 2.0)] // two visits: sqrt(10² + 10²)
    [InlineData(17.320508075688775, 3.0)]
    [InlineData(30.0, 9.0)]
    [InlineData(5.0, 1.0)] // lowered with --decrease: kept at the minimum rank
    [InlineData(0.0, 1.0)]
    public void RankForWeight_RecoversTheVisitCount(double weight, double rank)
    {
        Assert.Equal(rank, AutojumpFormat.RankForWeight(weight), precision: 9);
    }

    [Fact]
    public void Parse_RealAutojumpLines_UseTheFileTimeForEveryEntry()
    {
        var file = Parse("14.142135623730951\t/home/u/a/proj\n10.0\t/home/u/b c/x|y\n10.0\t/home/u/ünï\n");

        Assert.Empty(file.Problems);
        Assert.Equal(["/home/u/a/proj", "/home/u/b c/x|y", "/home/u/ünï"], file.Entries.Select(entry => entry.Path));
        Assert.Equal([2.0, 1.0, 1.0], file.Entries.Select(entry => Math.Round(entry.Rank, 9)));
        Assert.All(file.Entries, entry => Assert.Equal(LastWrite, entry.LastAccess));
    }

    [Fact]
    public void Parse_TabInsidePathAndCrlf_AreKept()
    {
        var file = Parse("10.0\t/home/u/odd\tname\r\n");

        Assert.Empty(file.Problems);
        Assert.Equal("/home/u/odd\tname", Assert.Single(file.Entries).Path);
    }

    [Theory]
    [InlineData("/home/u/no-weight", "expected WEIGHT<TAB>PATH")]
    [InlineData("ten\t/home/u", "weight 'ten' is not a non-negative number")]
    [InlineData("-3\t/home/u", "weight '-3' is not a non-negative number")]
    [InlineData("10.0\trelative", "path 'relative' is not absolute")]
    [InlineData("10.0\t", "empty path")]
    public void Parse_BadLine_ReportsFileLineAndReason(string line, string reason)
    {
        var file = Parse("10.0\t/ok\n" + line + "\n");

        Assert.Equal([new ImportProblem("DATA:2", reason)], file.Problems);
        Assert.Equal(new JumpEntry("/ok", 1, LastWrite), Assert.Single(file.Entries));
    }

    private static ImportFile Parse(string text) => AutojumpFormat.Parse(Encoding.UTF8.GetBytes(text), "DATA", LastWrite);
}
