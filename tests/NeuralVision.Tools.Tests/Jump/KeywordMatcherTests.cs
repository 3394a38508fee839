using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

public class KeywordMatcherTests
{
    [Theory]
    // zoxide's own cases (src/db/stream.rs)
    [InlineData("/foo/bar", new[] { "ba" }, true)]
    [InlineData("/foo/bar", new[] { "fo" }, false)] // the last keyword must be in the last component
    [InlineData("/foo/bar", new[] { "foo/" }, true)]
    [InlineData("/foo", new[] { "foo/" }, false)]
    [InlineData("/foo/bar", new[] { "oo/ba" }, true)]
    [InlineData("/foo/bar", new[] { "foo", "o", "bar" }, false)] // in order, not overlapping
    [InlineData("/foo/bar", new[] { "foo", "bar" }, true)]
    [InlineData("/foo/bar", new[] { "bar", "foo" }, false)]
    [InlineData("/foo/bar", new string[0], true)]
    // smart case: lower-case keywords ignore case, an upper-case letter makes the whole query exact
    [InlineData("/home/u/Projects/NVT", new[] { "proj", "nvt" }, true)]
    [InlineData("/home/u/projects/nvt", new[] { "NVT" }, false)]
    [InlineData("/home/u/projects/NVT", new[] { "NVT" }, true)]
    [InlineData("/home/u/Projects/nvt", new[] { "projects", "NVT" }, false)]
    // literal text: no regex or glob meaning
    [InlineData("/tmp/a.b", new[] { "a.b" }, true)]
    [InlineData("/tmp/axb", new[] { "a.b" }, false)]
    [InlineData("/tmp/a*b", new[] { "*" }, true)]
    [InlineData("/src/my dir", new[] { "my d" }, true)]
    [InlineData("/src/répertoire", new[] { "RÉP" }, false)]
    [InlineData("/src/répertoire", new[] { "rép" }, true)]
    [InlineData("/src/Répertoire", new[] { "rép" }, true)]
    public void IsMatch_FollowsZoxideRulesWithSmartCase(string path, string[] keywords, bool expected)
    {
        Assert.Equal(expected, new KeywordMatcher(keywords).IsMatch(path));
    }

    [Theory]
    [InlineData("/a/nix", new[] { "nix" }, true)]
    [InlineData("/a/nixpkgs", new[] { "nix" }, false)]
    [InlineData("/a/Nix", new[] { "nix" }, true)]
    [InlineData("/a/nix", new[] { "Nix" }, false)]
    [InlineData("/a/b/nix", new[] { "b/nix" }, true)]
    [InlineData("/a/xb/nix", new[] { "b/nix" }, false)]
    [InlineData("/a/nix", new[] { "nix/" }, true)]
    [InlineData("/a/nix", new string[0], false)]
    public void IsExactLastComponent_ComparesWholeComponents(string path, string[] keywords, bool expected)
    {
        Assert.Equal(expected, new KeywordMatcher(keywords).IsExactLastComponent(path));
    }

    [Theory]
    [InlineData(new[] { "foo", "Bar" }, "bar")]
    [InlineData(new[] { "src/ba" }, "ba")]
    [InlineData(new[] { "foo/" }, "")]
    [InlineData(new string[0], "")]
    public void LastComponentHint_IsTheLowerCasedTailOfTheLastKeyword(string[] keywords, string expected)
    {
        Assert.Equal(expected, new KeywordMatcher(keywords).LastComponentHint);
    }

    [Fact]
    public void IsCaseSensitive_OnlyWhenAKeywordHasUpperCase()
    {
        Assert.False(new KeywordMatcher(["foo", "bar"]).IsCaseSensitive);
        Assert.True(new KeywordMatcher(["foo", "Bar"]).IsCaseSensitive);
    }
}
