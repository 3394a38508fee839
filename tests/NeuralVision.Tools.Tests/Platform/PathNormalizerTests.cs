using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Tests.Platform;

public class PathNormalizerTests
{
    [Theory]
    [InlineData("/a/b", "/cwd", "/a/b")]
    [InlineData("b", "/cwd", "/cwd/b")]
    [InlineData("./b/./c", "/cwd", "/cwd/b/c")]
    [InlineData("../x", "/cwd/sub", "/cwd/x")]
    [InlineData("/a//b///c/", "/", "/a/b/c")]
    [InlineData("/../..", "/", "/")]
    [InlineData("/", "/cwd", "/")]
    [InlineData(".", "/cwd", "/cwd")]
    [InlineData("/a/b/../../..", "/", "/")]
    [InlineData("/with space/x|y", "/", "/with space/x|y")]
    [InlineData("/new\nline", "/", "/new\nline")]
    [InlineData("/ünï/çødé", "/", "/ünï/çødé")]
    [InlineData("...", "/cwd", "/cwd/...")]
    public void Normalize_IsLexicalAndAbsolute(string path, string cwd, string expected)
    {
        Assert.Equal(expected, PathNormalizer.Normalize(path, cwd));
    }

    [Theory]
    [InlineData("/a/b", "b")]
    [InlineData("/a", "a")]
    [InlineData("/", "/")]
    public void LastComponent_ReturnsTheName(string path, string expected)
    {
        Assert.Equal(expected, PathNormalizer.LastComponent(path));
    }

    [Theory]
    [InlineData("/a/b", "/a", true)]
    [InlineData("/a", "/a", true)]
    [InlineData("/ab", "/a", false)]
    [InlineData("/a/b", "/", true)]
    public void IsAtOrBelow_RespectsComponentBoundaries(string path, string directory, bool expected)
    {
        Assert.Equal(expected, PathNormalizer.IsAtOrBelow(path, directory));
    }
}
