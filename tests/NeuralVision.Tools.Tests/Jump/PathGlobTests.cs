using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

public class PathGlobTests
{
    [Theory]
    [InlineData("/tmp/*", "/tmp/a", true)]
    [InlineData("/tmp/*", "/tmp/a/b", true)] // '*' crosses '/' as in zoxide's _ZO_EXCLUDE_DIRS
    [InlineData("/tmp/*", "/tmp", false)]
    [InlineData("/tmp", "/tmp/a", false)]
    [InlineData("*/node_modules", "/x/y/node_modules", true)]
    [InlineData("/data/?", "/data/1", true)]
    [InlineData("/data/?", "/data/12", false)]
    [InlineData("/v[0-9]", "/v7", true)]
    [InlineData("/v[!0-9]", "/v7", false)]
    [InlineData("/v[!0-9]", "/vx", true)]
    [InlineData("/lit\\*", "/lit*", true)]
    [InlineData("/lit\\*", "/litx", false)]
    [InlineData("**", "/anything/at/all", true)]
    public void IsMatch_ShellStyle(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("/home/u[1]*?")]
    [InlineData("/")]
    [InlineData("/a\\b")]
    public void Literal_MatchesOnlyItself(string literal)
    {
        var glob = PathGlob.Literal(literal);
        Assert.True(glob.IsMatch(literal));
        Assert.False(glob.IsMatch(literal + "x"));
    }

    [Fact]
    public void Constructor_UnclosedBracket_Throws()
    {
        Assert.Throws<FormatException>(() => new PathGlob("/a[bc"));
    }

    [Fact]
    public void ExcludeList_Default_ExcludesHomeAndRootOnly()
    {
        var list = ExcludeList.Default("/home/u");
        Assert.True(list.IsExcluded("/home/u"));
        Assert.True(list.IsExcluded("/"));
        Assert.False(list.IsExcluded("/home/u/src"));
    }

    [Fact]
    public void ExcludeList_Parse_SplitsOnColonAndIgnoresEmptyItems()
    {
        var list = ExcludeList.Parse("/tmp/*::/mnt/*");
        Assert.Equal(2, list.Globs.Count);
        Assert.True(list.IsExcluded("/mnt/usb"));
        Assert.False(ExcludeList.Parse("").IsExcluded("/home/u"));
    }
}
